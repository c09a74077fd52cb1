import autocannon from "autocannon";
import { createHmac } from "node:crypto";
import { isShardsWebhook } from "./shards-mix.ts";
import { REQUESTS_PER_VISITOR, visitorOf } from "./visitors.ts";

/** One load round, run in its own process so the generator never shares a core's event loop with the orchestrator. */
export type LoadPlan = {
  url: string;
  kind: "bare" | "floor-pixel" | "floor-webhook" | "pixel" | "webhook" | "shards" | "app-shards";
  connections: number;
  /** A fixed number of requests, so every request sent is answered and counted (a timed run cuts some off). */
  amount: number | null;
  seconds: number;
  eventsPerRequest: number;
  runId: string;
  /** pixel: one token per simulated visitor (visitor `v` of tenant `v % tenants`), see `visitorOf`; webhook: one shop per tenant. */
  tokens: string[];
  tenants: number;
  shops: string[];
  apiSecret: string;
  /** shards (the floor): how many shards the two tenants are placed on (2: one each); app-shards: the directory says. */
  shards?: 1 | 2;
};

/** `startedAt` is the wall-clock time of the first request, for end-to-end figures that run until a later write. */
export type LoadResult = { requests: number; ok: number; non2xx: number; errors: number; fivexx: number; reqPerSec: number; seconds: number; startedAt: number };

function pixelEvent(clientId: string, id: string) {
  return {
    id,
    name: "page_viewed",
    type: "standard",
    clientId,
    timestamp: new Date().toISOString(),
    context: { document: { location: { href: "https://bench.myshopify.com/products/x", pathname: "/products/x" }, referrer: "", title: "Bench" } },
    data: {},
  };
}

function orderBody(id: number, customerId: number): string {
  return JSON.stringify({
    id,
    name: `#${id}`,
    currency: "USD",
    total_price: "42.00",
    financial_status: "paid",
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
    customer: { id: customerId, email: `c${customerId}@bench.example`, updated_at: new Date().toISOString() },
    line_items: [{ id: id * 10, product_id: 1, variant_id: 2, title: "Bench", quantity: 1, price: "42.00" }],
  });
}

const plan = JSON.parse(process.argv[2]!) as LoadPlan;
let counter = 0;
const setupRequest = (request: autocannon.Request): autocannon.Request => {
  const n = counter++;
  const tenant = n % Math.max(plan.shops.length, 1);
  if (plan.kind === "pixel" || plan.kind === "floor-pixel") {
    const v = Math.floor(n / REQUESTS_PER_VISITOR);
    const visitor = visitorOf(v, plan.runId, plan.tenants);
    const events = Array.from({ length: plan.eventsPerRequest }, (_, i) => pixelEvent(visitor.clientId, `${plan.runId}-${n}-${i}`));
    const headers = { "content-type": "text/plain;charset=UTF-8", "cf-connecting-ip": visitor.ip, "x-bench-visitor": `${visitor.tenant}:${visitor.clientId}`, "x-bench-run": plan.runId };
    return { ...request, headers, body: JSON.stringify({ token: plan.tokens[v] ?? "floor", events }) };
  }
  if (plan.kind === "shards" || plan.kind === "app-shards") return shardsRequest(request, n);
  if (plan.kind === "webhook" || plan.kind === "floor-webhook") {
    const body = orderBody(Number(`${plan.runId}${String(n).padStart(7, "0")}`), 1_000 + tenant);
    const headers = {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": plan.shops[tenant]!,
      "x-shopify-webhook-id": `${plan.runId}-${n}`,
      "x-bench-run": plan.runId,
      "x-shopify-triggered-at": new Date().toISOString(),
      "x-shopify-hmac-sha256": createHmac("sha256", plan.apiSecret).update(body, "utf8").digest("base64"),
    };
    return { ...request, headers, body };
  }
  return request;
};

const pixelRequestsOf = [0, 0];

// Two tenants taking turns. The floor: tenant 1 is on shard 2 when there are two. The app: its own routes, the
// tenants' shops and visitors' tokens (visitor v is of tenant v % 2, REQUESTS_PER_VISITOR requests each).
function shardsRequest(request: autocannon.Request, n: number): autocannon.Request {
  const tenant = n % 2;
  const turn = Math.floor(n / 2);
  const app = plan.kind === "app-shards";
  const headers: Record<string, string> = app
    ? { "x-bench-run": plan.runId }
    : { "x-bench-run": plan.runId, "x-bench-tenant": `bench-${tenant}`, "x-bench-shard": String(plan.shards === 2 ? tenant + 1 : 1) };
  if (isShardsWebhook(n)) {
    const body = orderBody(Number(`${plan.runId}${String(n).padStart(7, "0")}`), 1_000 + tenant);
    const hmac = createHmac("sha256", plan.apiSecret).update(body, "utf8").digest("base64");
    const shopify: Record<string, string> = app
      ? { "x-shopify-topic": "orders/create", "x-shopify-shop-domain": plan.shops[tenant]!, "x-shopify-webhook-id": `${plan.runId}-${n}`, "x-shopify-triggered-at": new Date().toISOString() }
      : {};
    return { ...request, path: app ? "/webhooks" : "/webhook", headers: { ...headers, ...shopify, "content-type": "application/json", "x-shopify-hmac-sha256": hmac }, body };
  }
  if (!app) {
    const events = Array.from({ length: plan.eventsPerRequest }, (_, i) => pixelEvent(`bench-${plan.runId}-${turn}`, `${plan.runId}-${n}-${i}`));
    return { ...request, path: "/pixel", headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, body: JSON.stringify({ events }) };
  }
  const v = 2 * Math.floor(pixelRequestsOf[tenant]!++ / REQUESTS_PER_VISITOR) + tenant;
  const visitor = visitorOf(v, plan.runId, 2);
  const events = Array.from({ length: plan.eventsPerRequest }, (_, i) => pixelEvent(visitor.clientId, `${plan.runId}-${n}-${i}`));
  const body = JSON.stringify({ token: plan.tokens[v], events });
  return { ...request, path: "/pixel/v1/events", headers: { ...headers, "content-type": "text/plain;charset=UTF-8", "cf-connecting-ip": visitor.ip }, body };
}

const PATHS = { bare: "/", "floor-pixel": "/pixel", "floor-webhook": "/webhook", pixel: "/pixel/v1/events", webhook: "/webhooks", shards: "/pixel", "app-shards": "/pixel/v1/events" } as const;
const path = PATHS[plan.kind];
const startedAt = Date.now();
const started = performance.now();
let lastResponse = started;
const instance = autocannon({
  url: plan.url,
  connections: plan.connections,
  ...(plan.amount ? { amount: plan.amount } : { duration: plan.seconds }),
  requests: [{ method: plan.kind === "bare" ? "GET" : "POST", path, headers: { "content-type": "text/plain;charset=UTF-8" }, setupRequest }],
});
instance.on("response", () => (lastResponse = performance.now()));
const result = await instance;
// autocannon settles a fixed amount of requests on its next whole-second tick: time the run to its last answer.
const seconds = (lastResponse - started) / 1000;
const output: LoadResult = {
  requests: result.requests.total,
  ok: result["2xx"],
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  fivexx: result["5xx"],
  reqPerSec: result["2xx"] / seconds,
  seconds,
  startedAt,
};
process.stdout.write(`${JSON.stringify(output)}\n`);
