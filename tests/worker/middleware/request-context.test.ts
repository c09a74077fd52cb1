import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newApp } from "../../../worker/app.ts";

const app = newApp();

afterEach(() => vi.restoreAllMocks());

describe("request context", () => {
  it.each([
    ["/healthz", 200, "/healthz"],
    ["/no-such-route", 404, "/*"],
  ])("writes exactly one JSON line for GET %s: id, method, route, status, time and tenant", async (path, status, route) => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const res = await app.fetch(new Request(`https://segops.test${path}`, { headers: { "X-Request-Id": "req-test-0001" } }), env, createExecutionContext());
    expect(res.status).toBe(status);
    expect(res.headers.get("X-Request-Id")).toBe("req-test-0001");
    expect(log).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(log.mock.calls[0]![0])) as Record<string, unknown>;
    expect(line).toEqual({ level: "info", message: "request", requestId: "req-test-0001", method: "GET", route, status, ms: expect.any(Number), tenant: null });
  });
});
