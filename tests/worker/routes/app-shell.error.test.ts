import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../worker/index.ts";

type ErrorBody = { error: { code: string; message: string; requestId: string } };

describe("embedded admin shell errors", () => {
  it.each(["/assets/missing.js", "/assets/nested/missing.css"])("answers a missing asset %s with the 404 error envelope", async (path) => {
    const res = await exports.default.fetch(`https://segops.test${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "not_found", requestId: res.headers.get("x-request-id") });
    expect(body.error.message).toContain(path);
  });

  it("does not serve the shell for paths that only start with /app", async () => {
    const res = await exports.default.fetch("https://segops.test/apps");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("answers 500 with the error envelope when the admin was never built", async () => {
    const ctx = createExecutionContext();
    const emptyAssets = { fetch: async () => new Response("Not Found", { status: 404 }) } as unknown as Fetcher;
    const request = new Request("https://segops.test/app") as Request<unknown, IncomingRequestCfProperties>;
    const res = await worker.fetch(request, { ...env, ASSETS: emptyAssets } as Env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(500);
    const body = (await res.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "internal_error", message: expect.stringContaining("build:admin") });
  });
});
