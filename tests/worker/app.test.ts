import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../../worker/index.ts";
import { unreachableD1 } from "../helpers/faulty-d1.ts";

describe("worker core", () => {
  it("answers GET /healthz with the API version", async () => {
    const res = await exports.default.fetch("https://segops.test/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, apiVersion: "2026-07", databases: 3 });
  });

  it("answers 503 unavailable with Retry-After when a data shard does not answer, without naming it", async () => {
    const down = unreachableD1(env.SHARD_2);
    // A moment no earlier probe of this isolate covers, so this one reaches the databases.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3_000_000_000);
    try {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request("https://segops.test/healthz") as Request<unknown, IncomingRequestCfProperties>, { ...env, SHARD_2: down } as Env, ctx);
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error).toMatchObject({ code: "unavailable", message: "1 of 3 databases did not answer; try again in a moment." });
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives every response a request id and echoes a well-formed incoming one", async () => {
    const fresh = await exports.default.fetch("https://segops.test/healthz");
    expect(fresh.headers.get("x-request-id")).toMatch(/^req_/);
    const echoed = await exports.default.fetch("https://segops.test/healthz", { headers: { "X-Request-Id": "trace-1234567" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-1234567");
  });

  it("answers an unknown route with the JSON error envelope, not an HTML page", async () => {
    const res = await exports.default.fetch("https://segops.test/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  });

  it.each([
    ["TOKEN_ENCRYPTION_KEY", "too-short"],
    ["SHOPIFY_APP_URL", "not a url"],
    ["SHOPIFY_API_SECRET", ""],
  ])("answers 500 bad_environment without details when %s is %j", async (name, value) => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request("https://segops.test/healthz") as Request<unknown, IncomingRequestCfProperties>, { ...env, [name]: value } as Env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_environment");
    expect(body.error.message).not.toContain(name);
  });
});
