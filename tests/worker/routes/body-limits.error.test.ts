import { beforeAll, describe, expect, it } from "vitest";
import { adminFetch, appFetch, type InstalledShop, installShop } from "../../helpers/harness.ts";

const LARGE = JSON.stringify({ padding: "x".repeat(600_000) });

/** A body with no Content-Length, as a chunked upload sends it: the limit must count what is read. */
const streamed = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

async function expectTooLarge(res: Response) {
  expect(res.status).toBe(413);
  const body = (await res.json()) as { error: { code: string; requestId: string } };
  expect(body.error.code).toBe("payload_too_large");
  expect(body.error.requestId).toMatch(/\S/);
}

describe("body size limits", () => {
  let shop: InstalledShop;
  beforeAll(async () => {
    shop = await installShop();
  });

  it("answers 413 in the envelope to a /v1 body over the limit, sized or streamed", async () => {
    const headers = { Authorization: `Bearer ${shop.serverKey}`, "Content-Type": "application/json" };
    await expectTooLarge(await appFetch("/v1/connect-links", { method: "POST", headers, body: LARGE }));
    await expectTooLarge(await appFetch("/v1/connect-links", { method: "POST", headers, body: streamed(LARGE), duplex: "half" } as RequestInit));
    expect((await appFetch("/v1/connect-links", { method: "POST", headers, body: "{}" })).status).toBe(201);
  });

  it("answers 413 in the envelope to an /admin/api body over the limit", async () => {
    await expectTooLarge(await adminFetch(shop.shop, "/keys/public/rotate", { method: "POST", headers: { "Content-Type": "application/json" }, body: LARGE }));
  });
});
