import { startSimulator, type StartedSimulator } from "../../simulator/index.ts";
import { simClient, type SimClient } from "../helpers/simulator-client.ts";

export const APP = {
  apiKey: "sim-test-key",
  apiSecret: "sim-test-secret",
  appUrl: "https://segops.test",
  scopes: ["read_products", "write_products", "read_orders", "read_all_orders", "read_customers", "write_customers", "write_pixels", "read_customer_events"],
};
export const PUBSUB = { audience: "https://segops.test/webhooks/pubsub", serviceAccount: "shopify-pubsub@segops-test.iam.gserviceaccount.com" };
export const FIXED_NOW = "2026-09-01T12:00:00Z";
export const SMALL = { products: 20, customers: 60, orders: 300, days: 120, abandonedCheckouts: 15 };

export interface TestSimulator {
  started: StartedSimulator;
  url: string;
  client: SimClient;
  close(): Promise<void>;
}

export async function startTestSimulator(delivery: "push" | "outbox" = "outbox", appUrl = APP.appUrl): Promise<TestSimulator> {
  const started = await startSimulator({ app: { ...APP, appUrl }, pubsub: PUBSUB, delivery });
  return { started, url: started.url, client: simClient(started.url), close: () => started.close() };
}

export async function exchangeToken(url: string, shop: string, options: { expiring?: boolean } = {}) {
  const client = simClient(url);
  const sessionToken = await client.sessionToken(shop);
  const response = await fetch(`${url}/${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: sessionToken,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      ...(options.expiring === false ? {} : { expiring: "1" }),
    }),
  });
  return { status: response.status, body: (await response.json()) as { access_token: string; refresh_token?: string; expires_in?: number; scope: string } };
}

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[] | string;
  extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } } & Record<string, unknown>;
}

export function graphqlFor(url: string, shop: string, token: string) {
  return async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> => {
    const response = await fetch(`${url}/${shop}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphqlResponse<T>, "status">) };
  };
}

/** A fresh shop with an offline token and a GraphQL caller bound to it. */
export async function shopWithToken(sim: TestSimulator, options: Parameters<SimClient["createShop"]>[0] = {}) {
  const { shop } = await sim.client.createShop({ seed: "fixture", now: FIXED_NOW, size: SMALL, ...options });
  const { body } = await exchangeToken(sim.url, shop);
  return { shop, token: body.access_token, refreshToken: body.refresh_token ?? "", graphql: graphqlFor(sim.url, shop, body.access_token) };
}
