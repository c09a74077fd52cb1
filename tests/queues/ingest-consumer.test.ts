import { describe, expect, it } from "vitest";
import { consumeIngestBatch, webhookMessage } from "../helpers/ingest-queue.ts";
import { profileByCustomer, storedEvents } from "../helpers/read-ingested.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";
import { sharedFixture } from "../helpers/shared-fixtures.ts";

describe("ingest consumer", () => {
  it("stores docs orders/paid as one purchase with exact big ids", async () => {
    const tenant = await seedTenant();
    const body = sharedFixture("shopify-docs-2025-01/orders_paid.json");
    if (!body) return;
    const { result } = await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", body)]);
    expect(result.retryMessages).toEqual([]);
    const events = await storedEvents(tenant.tenantId);
    expect(events.map((e) => e.dedup_key)).toEqual(["purchase:820982911946154508"]);
    expect(events[0]!.properties.orderId).toBe("820982911946154508");
    const profile = await profileByCustomer(tenant.tenantId, "115310627314723954");
    expect(profile).toMatchObject({ shopify_customer_id: "115310627314723954" });
    expect(events[0]!.profile_id).toBe(profile!.id);
  });
});
