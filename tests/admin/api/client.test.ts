import { describe, expect, it } from "vitest";
import { ApiError } from "../../../admin/src/api/api-error.ts";
import { createApiClient, type ApiClient } from "../../../admin/src/api/client.ts";

type Call = { url: string; method: string; authorization: string | null };

/** A stand-in for the worker's /admin/api: answers from a script of responses and records every call. */
function scriptedFetch(responses: Response[]) {
  const calls: Call[] = [];
  const inits: (RequestInit | undefined)[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method ?? "GET", authorization: new Headers(init?.headers).get("Authorization") });
    inits.push(init);
    const next = responses.shift();
    if (!next) throw new Error(`unexpected call to ${String(input)}`);
    return next;
  };
  return { calls, inits, fetch: fetch as typeof globalThis.fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "X-Request-Id": "req_test", ...headers } });
const envelope = (code: string, message: string) => ({ error: { code, message, requestId: "req_123" } });
const SETUP = { steps: [], complete: true, failed: false };

function tokens() {
  let issued = 0;
  return () => Promise.resolve(`token-${++issued}`);
}

describe("admin API client", () => {
  it("sends a fresh session token as a bearer token on every call", async () => {
    const api = scriptedFetch([json(SETUP), json(SETUP)]);
    const client = createApiClient({ idToken: tokens(), fetch: api.fetch });
    await client.setup();
    await client.setup();
    expect(api.calls).toEqual([
      { url: "/admin/api/setup", method: "GET", authorization: "Bearer token-1" },
      { url: "/admin/api/setup", method: "GET", authorization: "Bearer token-2" },
    ]);
  });

  it("retries once with a new token when the server asks for it with X-Shopify-Retry-Invalid-Session-Request", async () => {
    const retry = { "X-Shopify-Retry-Invalid-Session-Request": "1" };
    const api = scriptedFetch([json(envelope("invalid_token", "expired"), 401, retry), json(SETUP)]);
    await expect(createApiClient({ idToken: tokens(), fetch: api.fetch }).setup()).resolves.toEqual(SETUP);
    expect(api.calls.map((call) => call.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);

    const twice = scriptedFetch([json(envelope("invalid_token", "expired"), 401, retry), json(envelope("invalid_token", "still expired"), 401, retry)]);
    await expect(createApiClient({ idToken: tokens(), fetch: twice.fetch }).setup()).rejects.toMatchObject({ status: 401, code: "invalid_token" });
    expect(twice.calls).toHaveLength(2);
  });

  it("does not retry a 401 without the retry header", async () => {
    const api = scriptedFetch([json(envelope("unauthorized", "Missing session token"), 401)]);
    await expect(createApiClient({ idToken: tokens(), fetch: api.fetch }).setup()).rejects.toMatchObject({ status: 401 });
    expect(api.calls).toHaveLength(1);
  });

  it("re-runs the bootstrap on 409 and then retries the call once, telling the app about the new bootstrap", async () => {
    const bootstrap = { tenant: { slug: "acme" }, setup: SETUP, keys: { public: null, server: null }, banners: [] };
    const api = scriptedFetch([json(envelope("conflict", "not installed"), 409), json(bootstrap), json({ id: "key_1", key: "sk_live_x" })]);
    const seen: unknown[] = [];
    const client = createApiClient({ idToken: tokens(), fetch: api.fetch, onBootstrap: (b) => seen.push(b) });
    await expect(client.revealServerKey()).resolves.toEqual({ id: "key_1", key: "sk_live_x" });
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "POST /admin/api/keys/server/reveal",
      "GET /admin/api/bootstrap",
      "POST /admin/api/keys/server/reveal",
    ]);
    expect(seen).toEqual([bootstrap]);
  });

  it("surfaces the error envelope's code, message and request id", async () => {
    const api = scriptedFetch([json(envelope("gone", "The server key was already shown once."), 410)]);
    const error = await createApiClient({ idToken: tokens(), fetch: api.fetch }).revealServerKey().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 410, code: "gone", message: "The server key was already shown once.", requestId: "req_123" });
  });

  it("turns a non-JSON failure and a network failure into ApiErrors with a plain message", async () => {
    const html = scriptedFetch([new Response("<h1>Bad gateway</h1>", { status: 502, headers: { "X-Request-Id": "req_edge" } })]);
    await expect(createApiClient({ idToken: tokens(), fetch: html.fetch }).setup()).rejects.toMatchObject({ status: 502, code: "http_error", requestId: "req_edge" });
    const offline = { fetch: (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch };
    await expect(createApiClient({ idToken: tokens(), ...offline }).setup()).rejects.toMatchObject({ status: 0, code: "network" });
  });

  it("revokes by id with the id escaped into the path", async () => {
    const api = scriptedFetch([new Response(null, { status: 204 })]);
    await createApiClient({ idToken: tokens(), fetch: api.fetch }).revokeKey("key/1");
    expect(api.calls[0]).toMatchObject({ url: "/admin/api/keys/key%2F1/revoke", method: "POST" });
  });

  it("sends a JSON body and surfaces the envelope's details, e.g. where a segment query is wrong", async () => {
    const details = { line: 2, column: 3, hint: "did you mean `total_spent`?" };
    const api = scriptedFetch([json({ error: { code: "validation_failed", message: "Line 2, column 3: unknown attribute", requestId: "req_123", details } }, 400)]);
    const body = { name: "Repeat buyers", kind: "customer" as const, query: "orders_count >= 2 and\n  total_spnt >= 10" };
    const error = await createApiClient({ idToken: tokens(), fetch: api.fetch }).segments.create(body).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: "validation_failed", requestId: "req_123", details });
    expect(api.calls[0]).toMatchObject({ url: "/admin/api/segments", method: "POST" });
    expect(new Headers(api.inits[0]?.headers).get("Content-Type")).toBe("application/json");
    expect(JSON.parse(String(api.inits[0]?.body))).toEqual(body);
  });

  it("surfaces a 409 of an endpoint with conflicts of its own (a running backfill) without re-running the bootstrap", async () => {
    const api = scriptedFetch([json(envelope("conflict", "A backfill is already running"), 409)]);
    await expect(createApiClient({ idToken: tokens(), fetch: api.fetch }).backfill.start()).rejects.toMatchObject({ status: 409, code: "conflict" });
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual(["POST /admin/api/backfill"]);
  });

  const utcOffset = -new Date().getTimezoneOffset();
  it.each<[string, (client: ApiClient) => Promise<unknown>, string, unknown]>([
    ["bootstrap", (c) => c.bootstrap(), "GET /admin/api/bootstrap", undefined],
    ["setup", (c) => c.setup(), "GET /admin/api/setup", undefined],
    ["retrySetup", (c) => c.retrySetup(), "POST /admin/api/setup/retry", undefined],
    ["revealServerKey", (c) => c.revealServerKey(), "POST /admin/api/keys/server/reveal", undefined],
    ["rotateKey", (c) => c.rotateKey("public"), "POST /admin/api/keys/public/rotate", undefined],
    ["revokeKey", (c) => c.revokeKey("key_1"), "POST /admin/api/keys/key_1/revoke", undefined],
    ["backfill.load", (c) => c.backfill.load(), "GET /admin/api/backfill", undefined],
    ["backfill.start", (c) => c.backfill.start(), "POST /admin/api/backfill", undefined],
    ["events.recent", (c) => c.events.recent(null), "GET /admin/api/events/recent?limit=50", undefined],
    ["events.recent after a cursor", (c) => c.events.recent("c/1"), "GET /admin/api/events/recent?limit=50&after=c%2F1", undefined],
    ["events.volume", (c) => c.events.volume(7), `GET /admin/api/events/volume?days=7&utcOffset=${utcOffset}`, undefined],
    ["pixel.load", (c) => c.pixel.load(), "GET /admin/api/pixel", undefined],
    ["pixel.save", (c) => c.pixel.save({ trackedEvents: ["page_viewed"], samplingPercent: 50 }), "PUT /admin/api/pixel", { trackedEvents: ["page_viewed"], samplingPercent: 50 }],
    ["segments.list", (c) => c.segments.list(), "GET /admin/api/segments", undefined],
    ["segments.get", (c) => c.segments.get("vip"), "GET /admin/api/segments/vip", undefined],
    ["segments.create", (c) => c.segments.create({ name: "VIP", kind: "customer", query: "orders_count >= 5" }), "POST /admin/api/segments", { name: "VIP", kind: "customer", query: "orders_count >= 5" }],
    ["segments.update", (c) => c.segments.update("vip", { name: "VIPs" }), "PATCH /admin/api/segments/vip", { name: "VIPs" }],
    ["segments.remove", (c) => c.segments.remove("vip"), "DELETE /admin/api/segments/vip", undefined],
    ["segments.recompute", (c) => c.segments.recompute("vip"), "POST /admin/api/segments/vip/recompute", undefined],
    ["segments.push", (c) => c.segments.push("vip"), "POST /admin/api/segments/vip/push", undefined],
    ["segments.preview", (c) => c.segments.preview({ kind: "customer", query: "orders_count >= 5" }), "POST /admin/api/segments/preview", { kind: "customer", query: "orders_count >= 5" }],
    ["segments.suggestions", (c) => c.segments.suggestions(), "GET /admin/api/segments/suggestions", undefined],
    ["segments.accept", (c) => c.segments.accept("repeat_buyers"), "POST /admin/api/segments/suggestions/accept", { key: "repeat_buyers" }],
  ])("%s calls the worker's route with its path, method and body", async (_name, call, request, body) => {
    const api = scriptedFetch([json({})]);
    await call(createApiClient({ idToken: tokens(), fetch: api.fetch }));
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([request]);
    expect(api.calls[0]?.authorization).toBe("Bearer token-1");
    const sent = api.inits[0]?.body;
    expect(sent === undefined ? undefined : JSON.parse(String(sent))).toEqual(body);
  });
});
