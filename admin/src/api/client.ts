import type { BootstrapResponse } from "../../../worker/routes/admin/get-bootstrap.ts";
import type { SetupResponse } from "../../../worker/routes/admin/get-setup.ts";
import type { RevealServerKeyResponse, RotateKeyResponse } from "../../../worker/routes/admin/keys.ts";
import { ApiError } from "./api-error.ts";

export type { BootstrapResponse, RevealServerKeyResponse, RotateKeyResponse, SetupResponse };

export type ApiClientOptions = {
  /** A fresh App Bridge session token (`shopify.idToken()`). */
  idToken: () => Promise<string>;
  /** Told about every bootstrap, including the one re-run after a 409. */
  onBootstrap?: (bootstrap: BootstrapResponse) => void;
  fetch?: typeof fetch;
};

type Retried = { token: boolean; bootstrap: boolean };

/** The embedded admin's typed client for /admin/api; every failure is thrown as an ApiError. */
export function createApiClient(options: ApiClientOptions) {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(method: "GET" | "POST", path: string, retried: Retried = { token: false, bootstrap: false }): Promise<Response> {
    let res: Response;
    try {
      const headers = { Authorization: `Bearer ${await options.idToken()}` };
      res = await fetchImpl(`/admin/api${path}`, { method, headers });
    } catch (error) {
      throw ApiError.network(error);
    }
    // Shopify's contract: this header means "fetch a fresh session token and try once more".
    if (res.status === 401 && res.headers.has("X-Shopify-Retry-Invalid-Session-Request") && !retried.token) {
      return send(method, path, { ...retried, token: true });
    }
    // 409: the shop has no installed tenant (uninstalled, or first load raced); bootstrap installs it.
    if (res.status === 409 && path !== "/bootstrap" && !retried.bootstrap) {
      await bootstrap();
      return send(method, path, { ...retried, bootstrap: true });
    }
    if (!res.ok) throw await ApiError.from(res);
    return res;
  }

  const json = async <T>(method: "GET" | "POST", path: string): Promise<T> => (await (await send(method, path)).json()) as T;

  async function bootstrap(): Promise<BootstrapResponse> {
    const result = await json<BootstrapResponse>("GET", "/bootstrap");
    options.onBootstrap?.(result);
    return result;
  }

  return {
    bootstrap,
    setup: () => json<SetupResponse>("GET", "/setup"),
    retrySetup: () => json<SetupResponse>("POST", "/setup/retry"),
    revealServerKey: () => json<RevealServerKeyResponse>("POST", "/keys/server/reveal"),
    rotateKey: (kind: "public" | "server") => json<RotateKeyResponse>("POST", `/keys/${kind}/rotate`),
    revokeKey: async (id: string): Promise<void> => {
      await send("POST", `/keys/${encodeURIComponent(id)}/revoke`);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
