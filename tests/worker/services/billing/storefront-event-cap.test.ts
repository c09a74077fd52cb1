import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { STOREFRONT_CAP_FACTOR } from "../../../../worker/services/billing/find-tenants-over-event-limit.ts";
import { PLAN_TABLE } from "../../../../worker/services/billing/plans.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../../../helpers/pixel-collector.ts";
import { storedEvents } from "../../../helpers/read-ingested.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const period = () => new Date().toISOString().slice(0, 7);

async function setUsage(tenantId: string, events: number): Promise<void> {
  await (await tenantDb(tenantId)).prepare("insert into usage_counters (tenant_id, period, events, updated_at) values (?, ?, ?, ?) on conflict do update set events = excluded.events")
    .bind(tenantId, period(), events, Date.now())
    .run();
}

describe("the storefront's share of the shared database", () => {
  it("stores no storefront event at all past the storefront cap, cart included, and still every webhook", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    const limit = PLAN_TABLE.starter.limits.eventsPerMonth;

    await setUsage(tenant.tenantId, limit * STOREFRONT_CAP_FACTOR - 1);
    await consumeIngestBatch([pixelMessage(tenant, "visitor-under", ownPixelEvents("visitor-under"))]);
    const under = (await storedEvents(tenant.tenantId)).filter((event) => event.anonymous_id === "visitor-under").map((event) => event.name);
    expect(under).toContain("add_to_cart");
    expect(under).not.toContain("page_view");

    await setUsage(tenant.tenantId, limit * STOREFRONT_CAP_FACTOR);
    await consumeIngestBatch([pixelMessage(tenant, "visitor-over", ownPixelEvents("visitor-over"))]);
    expect((await storedEvents(tenant.tenantId)).filter((event) => event.anonymous_id === "visitor-over")).toEqual([]);

    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/create", orderText)]);
    expect((await storedEvents(tenant.tenantId)).some((event) => event.source === "webhook")).toBe(true);
  });
});
