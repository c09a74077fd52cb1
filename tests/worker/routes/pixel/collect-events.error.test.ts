import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { consumeIngestBatch, pixelMessage } from "../../../helpers/ingest-queue.ts";
import { storedEvents } from "../../../helpers/read-ingested.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { ownPixelEvents, pixelToken, postPixel } from "../../../helpers/pixel-collector.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

async function expectRefusal(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  const body = (await res.json()) as { error: { code: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toMatch(/\S/);
}

describe("pixel collector (errors)", () => {
  it.each(["/pixel/v1/handshake", "/pixel/v1/events"])("answers GET %s with 405, CORS headers included", async (path) => {
    await expectRefusal(await exports.default.fetch(`https://segops.test${path}`), 405, "method_not_allowed");
  });

  it("answers 400 to bodies that are not the documented JSON", async () => {
    const tenant = await seedTenant();
    await expectRefusal(await postPixel("/handshake", "not json"), 400, "validation_failed");
    await expectRefusal(await postPixel("/handshake", { publicKey: tenant.publicKey }), 400, "validation_failed");
    const token = await pixelToken(tenant.publicKey, "v");
    await expectRefusal(await postPixel("/events", { token, events: [] }), 400, "validation_failed");
    await expectRefusal(await postPixel("/events", { token, events: [{ name: "page_viewed" }] }), 400, "validation_failed");
    await expectRefusal(await postPixel("/events", "{"), 400, "validation_failed");
  });

  it("answers 413 to more than 50 events or more than 64 KB, which the pixel drops without retrying", async () => {
    const tenant = await seedTenant();
    const token = await pixelToken(tenant.publicKey, "v");
    const [page] = ownPixelEvents("v");
    const many = Array.from({ length: 51 }, (_, i) => ({ ...page, id: `e${i}` }));
    await expectRefusal(await postPixel("/events", { token, events: many }), 413, "payload_too_large");
    const huge = [{ ...page, data: { blob: "x".repeat(70_000) } }];
    await expectRefusal(await postPixel("/events", { token, events: huge }), 413, "payload_too_large");
  });

  it("acknowledges an event it cannot map and quarantines it, storing the rest of the batch", async () => {
    const tenant = await seedTenant();
    const token = await pixelToken(tenant.publicKey, "v2");
    const events = ownPixelEvents("v2").filter((event) => event.name === "page_viewed" || event.name === "made_up_event");
    expect((await postPixel("/events", { token, events })).status).toBe(202);
    const db = await tenantDb(tenant.tenantId);
    const row = await waitFor(() => db.prepare("select * from quarantine where tenant_id = ?").bind(tenant.tenantId).first<{ reason: string; source: string; payload: string }>(), { what: "a quarantine row" });
    expect(row).toMatchObject({ source: "pixel" });
    expect(row.reason).toMatch(/made_up_event/);
    expect(JSON.parse(row.payload)).toMatchObject({ name: "made_up_event" });
    const stored = await db.prepare("select name from events where tenant_id = ?").bind(tenant.tenantId).all();
    expect(stored.results).toEqual([{ name: "page_view" }]);
  });

  it("answers 400 to custom data nested too deep or too large, and stores nothing of that batch", async () => {
    const tenant = await seedTenant();
    const token = await pixelToken(tenant.publicKey, "v3");
    const [page] = ownPixelEvents("v3");
    const custom = (customData: unknown, id: string) => ({ ...page, id, type: "custom", name: "wishlist_added", customData });
    const deep = nested(1_500);
    const refused = await postPixel("/events", { token, events: [page, custom(deep, "deep")] });
    await expectRefusal(refused, 400, "validation_failed");
    const large = await postPixel("/events", { token, events: [custom({ note: "é".repeat(20_000) }, "large")] });
    await expectRefusal(large, 400, "validation_failed");
    expect((await postPixel("/events", { token, events: [custom({ list: [1, { a: "b" }] }, "fine")] })).status).toBe(202);
    const stored = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId);
      return rows.length > 0 && rows;
    }, { what: "the acceptable custom event stored" });
    expect(stored.map((row) => row.dedup_key)).toEqual(["pixel:v3:fine"]);
  });

  it("quarantines an event with oversized custom data that reached the queue, and writes the rest of its batch", async () => {
    const [tenant, other] = await Promise.all([seedTenant(), seedTenant()]);
    const [page] = ownPixelEvents("v4");
    const deep = { ...page, id: "deep", type: "custom", name: "wishlist_added", customData: nested(1_500) };
    const { result } = await consumeIngestBatch([
      pixelMessage(tenant, "v4", [deep, page]),
      pixelMessage(other, "v4", ownPixelEvents("v4").slice(0, 1)),
    ]);
    expect(result.retryMessages).toEqual([]);
    expect((await storedEvents(tenant.tenantId)).map((row) => row.name)).toEqual(["page_view"]);
    expect(await storedEvents(other.tenantId)).toHaveLength(1);
    const row = await (await tenantDb(tenant.tenantId)).prepare("select reason from quarantine where tenant_id = ?").bind(tenant.tenantId).first<{ reason: string }>();
    expect(row?.reason).toMatch(/custom data/);
  });

  it("stores a pixel event dated years ahead at its receive time", async () => {
    const tenant = await seedTenant();
    const token = await pixelToken(tenant.publicKey, "v5");
    const [page] = ownPixelEvents("v5");
    const before = Date.now();
    const future = { ...page, id: "future", timestamp: "2031-01-01T00:00:00.000Z" };
    expect((await postPixel("/events", { token, events: [future] })).status).toBe(202);
    const [stored] = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId);
      return rows.length > 0 && rows;
    }, { what: "the future-dated event stored" });
    expect(stored!.occurred_at).toBeGreaterThanOrEqual(before);
    expect(stored!.occurred_at).toBeLessThanOrEqual(Date.now());
  });
});

/** `{ a: { a: … } }`, `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
