import { describe, expect, it } from "vitest";
import type { PixelSettingsResponse, UpdatePixelSettingsResponse } from "../../../../worker/routes/admin/pixel-settings.ts";
import { keyHint } from "../../../../worker/services/keys/generate-key.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminJson, installShop } from "../../../helpers/harness.ts";
import { consumeIngestBatch, pixelMessage } from "../../../helpers/ingest-queue.ts";
import { insertEvents } from "../../../helpers/insert-events.ts";
import { ownPixelEvents, postPixel } from "../../../helpers/pixel-collector.ts";

const MINUTE = 60_000;
const put = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function handshakeConfig(publicKey: string) {
  const res = await postPixel("/handshake", { publicKey, clientId: crypto.randomUUID() });
  expect(res.status).toBe(200);
  return ((await res.json()) as { config: { trackedEvents: string[]; samplingPercent: number } }).config;
}

describe("/admin/api/pixel (happy)", () => {
  it("answers the collector's defaults, every standard event with the never-sampled ones marked, and the declared consent", async () => {
    const tenant = await adminTenant();
    const view = await adminJson<PixelSettingsResponse>(tenant.shop, "/pixel");

    expect(view.samplingPercent).toBe(100);
    const tracked = view.trackedEvents.filter((event) => event.tracked).map((event) => event.name);
    expect(tracked).toEqual(["page_viewed", "product_viewed", "search_submitted", "product_added_to_cart", "checkout_started", "checkout_completed"]);
    expect(tracked.toSorted()).toEqual((await handshakeConfig(tenant.publicKey)).trackedEvents.toSorted());
    expect(view.trackedEvents).toHaveLength(15);
    expect(view.trackedEvents.find((event) => event.name === "page_viewed")).toEqual({
      name: "page_viewed", label: "Page viewed", canonical: "page_view", counted: true, neverSampled: false, tracked: true, trackedByDefault: true,
    });
    expect(view.trackedEvents.find((event) => event.name === "cart_viewed")).toMatchObject({ neverSampled: true, tracked: false, trackedByDefault: false });
    expect(view.trackedEvents.filter((event) => event.neverSampled).map((event) => event.name)).toEqual([
      "product_added_to_cart", "product_removed_from_cart", "cart_viewed", "checkout_started", "checkout_contact_info_submitted",
      "checkout_address_info_submitted", "checkout_shipping_info_submitted", "payment_info_submitted", "checkout_completed",
    ]);
    expect(view.consent.purposes).toEqual(["analytics"]);
    expect(view.consent.explanation).toContain("Nothing is sent");
    expect(view.pixel).toEqual({ installed: false, status: "pending", detail: null, publicKeyHint: keyHint(tenant.publicKey), collectorUrl: "https://segops.test" });
    expect(view.counts).toMatchObject({ lastHour: 0, lastDay: 0, byName: [] });
  });

  it("stores tracked events and sampling, and the very next handshake serves them", async () => {
    const tenant = await adminTenant();
    expect(await handshakeConfig(tenant.publicKey)).toMatchObject({ samplingPercent: 100 });

    const saved = await adminJson<UpdatePixelSettingsResponse>(
      tenant.shop,
      "/pixel",
      put({ trackedEvents: ["checkout_completed", "page_viewed", "cart_viewed", "page_viewed"], samplingPercent: 25 }),
    );
    expect(saved).toMatchObject({ trackedEvents: ["page_viewed", "cart_viewed", "checkout_completed"], samplingPercent: 25 });

    expect(await handshakeConfig(tenant.publicKey)).toEqual(saved);
    const view = await adminJson<PixelSettingsResponse>(tenant.shop, "/pixel");
    expect(view.samplingPercent).toBe(25);
    expect(view.trackedEvents.filter((event) => event.tracked).map((event) => event.name)).toEqual(["page_viewed", "cart_viewed", "checkout_completed"]);
  });

  it("lets the merchant track nothing: the handshake then names no events", async () => {
    const tenant = await adminTenant();
    await adminJson(tenant.shop, "/pixel", put({ trackedEvents: [], samplingPercent: 0 }));
    expect(await handshakeConfig(tenant.publicKey)).toMatchObject({ trackedEvents: [], samplingPercent: 0 });
  });

  it("counts the pixel events of the last hour and 24 h by canonical name, leaving out other sources", async () => {
    const tenant = await adminTenant();
    const now = Date.now();
    const clientId = crypto.randomUUID();
    const ages = [5 * MINUTE, 10 * MINUTE, 3 * 60 * MINUTE, 4 * 60 * MINUTE, 30 * 60 * MINUTE];
    const events = ownPixelEvents(clientId)
      .slice(0, 5)
      .map((event, i) => ({ ...event, timestamp: new Date(now - ages[i]!).toISOString() }));
    await consumeIngestBatch([pixelMessage(tenant, clientId, events)]);
    await insertEvents(tenant.tenantId, [{ name: "purchase", source: "webhook", occurredAt: now - MINUTE }]);

    const { counts } = await adminJson<PixelSettingsResponse>(tenant.shop, "/pixel");
    expect(counts.lastHour).toBe(2);
    expect(counts.lastDay).toBe(4);
    expect(counts.byName.toSorted((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "add_to_cart", lastHour: 0, lastDay: 1 },
      { name: "page_view", lastHour: 1, lastDay: 1 },
      { name: "product_view", lastHour: 1, lastDay: 1 },
      { name: "search", lastHour: 0, lastDay: 1 },
    ]);
  });

  it("reports the pixel installed, with its key hint, once setup has activated it in Shopify", async () => {
    const installed = await installShop();
    const { pixel } = await adminJson<PixelSettingsResponse>(installed.shop, "/pixel");
    expect(pixel).toMatchObject({ installed: true, status: "done", publicKeyHint: keyHint(installed.publicKey), collectorUrl: "https://segops.test" });
  });
});
