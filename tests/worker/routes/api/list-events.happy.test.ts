import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import type { ListEventsResponse } from "../../../../worker/routes/api/list-events.ts";
import type { GetProfileResponse } from "../../../../worker/routes/api/get-profile.ts";
import { apiGet } from "../../../helpers/api-fetch.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../../../helpers/pixel-collector.ts";
import { profileByCustomer } from "../../../helpers/read-ingested.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

async function tenantWithHistory() {
  const tenant = await seedTenant();
  const clientId = crypto.randomUUID();
  const browsing = ownPixelEvents(clientId).filter((event) => ["page_viewed", "product_viewed", "product_added_to_cart", "search_submitted", "checkout_started"].includes(event.name as string));
  await consumeIngestBatch([pixelMessage(tenant, clientId, browsing)]);
  await consumeIngestBatch([webhookMessage(tenant.shop, "orders/create", orderText), webhookMessage(tenant.shop, "orders/paid", orderText)]);
  const profile = await profileByCustomer(tenant.tenantId, "9007199254740995");
  return { tenant, clientId, profileId: profile!.id };
}

describe("GET /v1/events and /v1/profiles/:id (happy)", () => {
  it("lists the tenant's events newest first with ids as strings", async () => {
    const { tenant } = await tenantWithHistory();
    const { status, body } = await apiGet<ListEventsResponse>(tenant.serverKey, "/events");
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.data).toHaveLength(7);
    const times = body.data.map((event) => Date.parse(event.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(body.data.find((event) => event.name === "purchase")).toMatchObject({ source: "webhook", properties: { orderId: "9007199254740993" } });
  });

  it("filters by name, source, profile and time", async () => {
    const { tenant, profileId } = await tenantWithHistory();
    const byName = await apiGet<ListEventsResponse>(tenant.serverKey, "/events?name=purchase");
    expect(byName.body.data.map((event) => event.name)).toEqual(["purchase"]);
    const bySource = await apiGet<ListEventsResponse>(tenant.serverKey, "/events?source=pixel");
    expect(bySource.body.data).toHaveLength(5);
    const byProfile = await apiGet<ListEventsResponse>(tenant.serverKey, `/events?profileId=${profileId}`);
    expect(byProfile.body.data).toHaveLength(7);
    const since = await apiGet<ListEventsResponse>(tenant.serverKey, "/events?since=2026-10-01T13:42:00Z");
    expect(since.body.data.every((event) => event.occurredAt >= "2026-10-01T13:42:00.000Z")).toBe(true);
    expect(since.body.data.length).toBeLessThan(7);
  });

  it("pages with an opaque cursor until nextCursor is null, visiting every event once", async () => {
    const { tenant } = await tenantWithHistory();
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { body: ListEventsResponse } = await apiGet<ListEventsResponse>(tenant.serverKey, `/events?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((event) => event.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("returns a profile with aggregates recomputed from its orders", async () => {
    const { tenant, profileId } = await tenantWithHistory();
    const { status, body } = await apiGet<GetProfileResponse>(tenant.serverKey, `/profiles/${profileId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: profileId,
      shopifyCustomerId: "9007199254740995",
      email: "ada@example.com",
      country: "GB",
      tags: ["vip", "newsletter"],
      emailMarketingState: "SUBSCRIBED",
      ordersCount: 1,
      totalSpent: 120.5,
      currency: "USD",
      firstOrderAt: "2026-10-01T14:00:01.000Z",
    });
    expect(body.lastSeenAt).not.toBeNull();
  });
});
