import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import type { BootstrapResponse } from "../../worker/routes/admin/get-bootstrap.ts";
import type { SetupResponse } from "../../worker/routes/admin/get-setup.ts";
import type { Plan } from "../../worker/db/schema/index.ts";
import { grantPlan } from "./grant-plan.ts";
import { simClient, type CreateShopInput } from "./simulator-client.ts";
import { waitFor } from "./wait-for.ts";

export const APP_ORIGIN = "https://segops.test";

export const sim = () => simClient(env.TEST_SIMULATOR_URL);

/** A small store by default: install tests care about provisioning, not volume. */
export const SMALL_STORE = { products: 6, customers: 12, orders: 24, abandonedCheckouts: 4, days: 120 };

export async function createSimShop(options: CreateShopInput = {}): Promise<string> {
  const { shop } = await sim().createShop({ size: SMALL_STORE, ...options });
  return shop;
}

/** Requests the worker; redirects come back as they are (following one would loop back into the worker). */
export function appFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${APP_ORIGIN}${path}`, { redirect: "manual", ...init }));
}

/** Calls the admin API the way App Bridge does: with a freshly minted session token for `shop`. */
export async function adminFetch(shop: string, path: string, init: RequestInit = {}): Promise<Response> {
  const token = await sim().sessionToken(shop);
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  return appFetch(`/admin/api${path}`, { ...init, headers });
}

export async function adminJson<T>(shop: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await adminFetch(shop, path, init);
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Polls an admin API GET (`/setup`, `/backfill`…) until `until` holds; on a timeout, says what it answered last. */
export async function waitForAdmin<T>(shop: string, path: string, until: (answer: T) => boolean, timeoutMs?: number): Promise<T> {
  let last: T | null = null;
  try {
    return await waitFor(
      async () => {
        last = await adminJson<T>(shop, path);
        return until(last) ? last : null;
      },
      { what: `GET /admin/api${path} to answer what the test waits for`, timeoutMs },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last answer: ${JSON.stringify(last)}`);
  }
}

export const waitForSetup = (shop: string, until: (setup: SetupResponse) => boolean = (s) => s.complete) => waitForAdmin(shop, "/setup", until);

export type InstalledShop = { shop: string; tenantId: string; publicKey: string; serverKey: string; bootstrap: BootstrapResponse };

/** A shop installed through the real managed-install flow, setup complete and the server key revealed; on Scale unless `app.plan` says otherwise. */
export async function installShop(options: CreateShopInput = {}, app: { plan?: Plan } = {}): Promise<InstalledShop> {
  const shop = await createSimShop(options);
  const bootstrap = await adminJson<BootstrapResponse>(shop, "/bootstrap");
  await waitForSetup(shop);
  const { key: serverKey } = await adminJson<{ key: string }>(shop, "/keys/server/reveal", { method: "POST" });
  const after = await adminJson<BootstrapResponse>(shop, "/bootstrap");
  await grantPlan(bootstrap.tenant.id, app.plan ?? "scale");
  return { shop, tenantId: bootstrap.tenant.id, publicKey: after.keys.public!.key, serverKey, bootstrap: after };
}
