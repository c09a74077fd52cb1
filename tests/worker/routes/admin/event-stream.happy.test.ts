import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import type { EventVolumeResponse, RecentEventsResponse } from "../../../../worker/routes/admin/event-stream.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminJson } from "../../../helpers/harness.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { insertEvents } from "../../../helpers/insert-events.ts";
import { ownPixelEvents } from "../../../helpers/pixel-collector.ts";

const DAY = 86_400_000;

describe("/admin/api/events (happy)", () => {
  it("streams the newest events first with who and a short summary, never an email", async () => {
    const tenant = await adminTenant();
    const clientId = crypto.randomUUID();
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText), pixelMessage(tenant, clientId, ownPixelEvents(clientId).slice(0, 4))]);

    const { data, nextCursor } = await adminJson<RecentEventsResponse>(tenant.shop, "/events/recent");
    expect(nextCursor).toBeNull();
    expect(data.map((event) => [event.name, event.source])).toEqual([
      ["purchase", "webhook"],
      ["search", "pixel"],
      ["add_to_cart", "pixel"],
      ["product_view", "pixel"],
      ["page_view", "pixel"],
    ]);
    const [purchase, search, , productView] = data;
    expect(purchase!.profileId).toMatch(/^prof_/);
    expect(purchase!.summary).toBe("#1001 · 120.50 USD · 1 item · paid");
    expect(search).toMatchObject({ profileId: null, summary: 'search "engine" (1 results)' });
    expect(productView!.summary).toBe("Analytical Engine (Default Title) · 110.00 USD · /products/analytical-engine");
    expect(purchase!.occurredAt).toBe("2026-10-01T14:00:01.000Z");
    expect(JSON.stringify(data).toLowerCase()).not.toContain("ada@example.com");
  });

  it("pages with after=<nextCursor> without repeating or skipping an event", async () => {
    const tenant = await adminTenant();
    const now = Date.now();
    const ids = await insertEvents(tenant.tenantId, Array.from({ length: 5 }, (_, i) => ({ name: "page_view", source: "pixel" as const, occurredAt: now - (i % 3) * 1_000 })));
    const first = await adminJson<RecentEventsResponse>(tenant.shop, "/events/recent?limit=3");
    expect(first.data).toHaveLength(3);
    const second = await adminJson<RecentEventsResponse>(tenant.shop, `/events/recent?limit=3&after=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((event) => event.id).toSorted()).toEqual(ids.toSorted());
    const times = [...first.data, ...second.data].map((event) => Date.parse(event.occurredAt));
    expect(times).toEqual(times.toSorted((a, b) => b - a));
  });

  it("counts the last 14 days per day and source, today last, days without events as zeros", async () => {
    const tenant = await adminTenant();
    const now = Date.now();
    const today = Math.floor(now / DAY) * DAY;
    await insertEvents(tenant.tenantId, [
      { name: "page_view", source: "pixel", occurredAt: today + 1 },
      { name: "page_view", source: "pixel", occurredAt: today + 2 },
      { name: "purchase", source: "webhook", occurredAt: today + 3 },
      { name: "purchase", source: "backfill", occurredAt: today - 13 * DAY },
      { name: "customer_created", source: "api", occurredAt: today - 2 * DAY + 5 },
      { name: "purchase", source: "backfill", occurredAt: today - 14 * DAY },
    ]);
    const { days, sources } = await adminJson<EventVolumeResponse>(tenant.shop, "/events/volume?days=14");
    expect(sources).toEqual(["webhook", "pixel", "backfill", "api"]);
    expect(days).toHaveLength(14);
    expect(days.at(-1)).toEqual({ date: new Date(today).toISOString().slice(0, 10), total: 3, webhook: 1, pixel: 2, backfill: 0, api: 0 });
    expect(days[0]).toMatchObject({ date: new Date(today - 13 * DAY).toISOString().slice(0, 10), total: 1, backfill: 1 });
    expect(days.at(-3)).toMatchObject({ total: 1, api: 1 });
    expect(days.reduce((sum, day) => sum + day.total, 0)).toBe(5);
  });

  it("starts the days at the merchant's midnight given their UTC offset", async () => {
    const tenant = await adminTenant();
    const now = Date.now();
    const utcMidnight = Math.floor(now / DAY) * DAY;
    // 23:30 UTC yesterday is already today in UTC+1.
    await insertEvents(tenant.tenantId, [{ name: "page_view", source: "pixel", occurredAt: utcMidnight - 30 * 60_000 }]);
    const utc = await adminJson<EventVolumeResponse>(tenant.shop, "/events/volume?days=2");
    const berlin = await adminJson<EventVolumeResponse>(tenant.shop, "/events/volume?days=2&utcOffset=60");
    expect(utc.days.map((day) => day.total)).toEqual([1, 0]);
    const localToday = new Date(now + 60 * 60_000).toISOString().slice(0, 10);
    expect(berlin.days.at(-1)!.date).toBe(localToday);
    expect(berlin.days.find((day) => day.date === new Date(utcMidnight).toISOString().slice(0, 10))?.total).toBe(1);
  });
});
