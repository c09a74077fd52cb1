import type { ThrottleStatus } from "../../durable-objects/cost-bucket.ts";
import type { AccessTokenResult } from "../../durable-objects/token-keeper.ts";
import type { Config } from "../env.ts";
import { err, ok, type Result } from "../lib/result.ts";
import { graphqlUrl } from "./admin-url.ts";
import { estimateQueryCost } from "./estimate-query-cost.ts";

export type AdminGraphqlError =
  | { kind: "not_installed" | "reauth_required"; message: string }
  | { kind: "access_denied"; message: string }
  | { kind: "graphql"; message: string }
  | { kind: "unavailable"; message: string };

export type AdminClient = {
  /** Runs one Admin GraphQL operation through the tenant's shared cost bucket; waits out THROTTLED instead of failing. */
  request<T>(query: string, variables?: Record<string, unknown>, options?: { cost?: number }): Promise<Result<T, AdminGraphqlError>>;
};

type GraphqlBody = {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[] | string;
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatusBody } };
};
type ThrottleStatusBody = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

const MAX_THROTTLE_WAIT_MS = 120_000;
const MAX_TRANSIENT_RETRIES = 3;
// A call Shopify has not answered by then is given up and retried like a 5xx: a hung connection must not hold a
// queue invocation (or a merchant's request) until the runtime kills it.
const CALL_TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The tenant's token and cost bucket: its Durable Object stub, or the object itself when the caller runs inside it. */
export type TenantPort = {
  accessToken(): Promise<AccessTokenResult>;
  acquireCost(cost: number): Promise<{ waitMs: number }>;
  settleCost(reserved: number, actualCost: number | null, throttleStatus: ThrottleStatus | null): Promise<void>;
  reportAccessDenied(message: string): Promise<void>;
  renewAccessToken(rejected: string): Promise<AccessTokenResult>;
  dropTokens(): Promise<void>;
};

export function createAdminClient(config: Config, tenant: TenantPort, options: { timeoutMs?: number } = {}): AdminClient {
  const timeoutMs = options.timeoutMs ?? CALL_TIMEOUT_MS;

  async function reserve(cost: number): Promise<boolean> {
    let waited = 0;
    for (;;) {
      const { waitMs } = await tenant.acquireCost(cost);
      if (waitMs === 0) return true;
      if (waited + waitMs > MAX_THROTTLE_WAIT_MS) return false;
      waited += waitMs;
      await sleep(waitMs);
    }
  }

  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}, options: { cost?: number } = {}) {
      let cost = options.cost ?? estimateQueryCost(query, variables);
      let transientFailures = 0;
      let renewedAfter401 = false;
      // A failure waiting may fix (no answer, 5xx, 429, an unreadable body): retried with backoff a few times.
      const transient = async (message: string) => {
        await tenant.settleCost(cost, 0, null);
        if (++transientFailures > MAX_TRANSIENT_RETRIES) return err({ kind: "unavailable" as const, message });
        await sleep(2 ** transientFailures * 250);
        return null;
      };
      for (;;) {
        const token = await tenant.accessToken();
        if (!token.ok) {
          return err({ kind: token.reason === "unavailable" ? "unavailable" : token.reason, message: token.message });
        }
        if (!(await reserve(cost))) return err({ kind: "unavailable", message: "Shopify's rate limit kept this call waiting too long." });

        let res: Response;
        try {
          res = await fetch(graphqlUrl(config, token.shop), {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token.accessToken },
            body: JSON.stringify({ query, variables }),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          const failed = await transient(String(error));
          if (failed) return failed;
          continue;
        }

        if (res.status === 401) {
          await tenant.settleCost(cost, 0, null);
          // One refused token is refreshed and the call retried once; the keeper drops the tokens if the refresh is refused.
          if (renewedAfter401) {
            await tenant.dropTokens();
            return err({ kind: "reauth_required", message: "Shopify refused a freshly refreshed access token; the merchant must open the app again." });
          }
          renewedAfter401 = true;
          const renewed = await tenant.renewAccessToken(token.accessToken);
          if (renewed.ok) continue;
          if (renewed.reason === "unavailable") return err({ kind: "unavailable", message: renewed.message });
          return err({ kind: "reauth_required", message: "Shopify refused the access token; the merchant must open the app again." });
        }
        if (res.status === 403) {
          const message = "Shopify denied access: a required scope is not granted.";
          await tenant.settleCost(cost, 0, null);
          await tenant.reportAccessDenied(message);
          return err({ kind: "access_denied", message });
        }
        if (res.status >= 500 || res.status === 429) {
          const failed = await transient(`Shopify answered ${res.status}`);
          if (failed) return failed;
          continue;
        }

        // An answer cut off (or timed out) while its body was read is no answer: retried, never taken for empty data.
        const body = (await res.json().catch(() => null)) as GraphqlBody | null;
        if (body === null || typeof body !== "object") {
          const failed = await transient(`Shopify's answer (${res.status}) could not be read`);
          if (failed) return failed;
          continue;
        }
        const costInfo = body.extensions?.cost;
        await tenant.settleCost(cost, costInfo?.actualQueryCost ?? null, costInfo?.throttleStatus ?? null);
        const errors = typeof body.errors === "string" ? [{ message: body.errors }] : (body.errors ?? []);
        // The retry reserves what Shopify says the query costs, so it waits until the shared bucket really holds it.
        if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
          cost = costInfo?.requestedQueryCost ?? cost;
          continue;
        }
        const denied = errors.find((e) => e.extensions?.code === "ACCESS_DENIED");
        if (denied) {
          await tenant.reportAccessDenied(denied.message);
          return err({ kind: "access_denied", message: denied.message });
        }
        if (errors.length > 0) return err({ kind: "graphql", message: errors.map((e) => e.message).join("; ") });
        return ok(body.data as T);
      }
    },
  };
}
