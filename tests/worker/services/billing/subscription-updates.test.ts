import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runStatements } from "../../../../worker/db/run-statements.ts";
import { writeSubscriptionObservations } from "../../../../worker/services/billing/subscription-rows.ts";
import { loadBillingState } from "../../../../worker/services/billing/load-billing-state.ts";
import { readSettledTrialDays } from "../../../../worker/services/billing/trial-ledger.ts";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantControlOf } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** An app_subscriptions/update body as Shopify sends it. */
function update(id: string, status: string, updatedAt: number, createdAt = updatedAt, name = "SegOps Growth") {
  return JSON.stringify({
    app_subscription: {
      admin_graphql_api_id: `gid://shopify/AppSubscription/${id}`,
      name,
      status,
      admin_graphql_api_shop_id: "gid://shopify/Shop/1",
      created_at: new Date(createdAt).toISOString(),
      updated_at: new Date(updatedAt).toISOString(),
      currency: "USD",
      capped_amount: null,
      price: "49.00",
      interval: "every_30_days",
      plan_handle: null,
    },
  });
}

const deliver = (shop: string, topic: string, body: string) => consumeIngestBatch([webhookMessage(shop, topic, body)]);
const row = (tenantId: string) =>
  env.DB.prepare("select status, activated_at as activatedAt, ended_at as endedAt from billing_subscriptions where tenant_id = ?").bind(tenantId).all<{ status: string; activatedAt: number | null; endedAt: number | null }>();

describe("app_subscriptions/update", () => {
  it("keeps the newest status by updated_at, whatever order the deliveries come in, and a redelivery changes nothing", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    const now = Date.now();
    await deliver(tenant.shop, "app_subscriptions/update", update("11", "CANCELLED", now, now - HOUR));
    await deliver(tenant.shop, "app_subscriptions/update", update("11", "ACTIVE", now - 30_000, now - HOUR));
    await deliver(tenant.shop, "app_subscriptions/update", update("11", "ACTIVE", now - 30_000, now - HOUR));
    const { results } = await row(tenant.tenantId);
    expect(results).toEqual([{ status: "CANCELLED", activatedAt: now - 30_000, endedAt: now }]);
    expect((await loadBillingState({ ctx: tenantControlOf(tenant.tenantId), input: { shopDomain: tenant.shop, now } })).plan).toBe("starter");
  });

  it("quarantines a subscription that is no SegOps plan instead of guessing one", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    const { result } = await deliver(tenant.shop, "app_subscriptions/update", update("12", "ACTIVE", Date.now(), Date.now(), "Someone else's plan"));
    expect(result.retryMessages).toEqual([]);
    expect((await row(tenant.tenantId)).results).toEqual([]);
    const quarantined = await (await tenantDb(tenant.tenantId)).prepare("select count(*) as n from quarantine where tenant_id = ?").bind(tenant.tenantId).first<{ n: number }>();
    expect(quarantined!.n).toBe(1);
  });
});

describe("trial days once per shop", () => {
  it("keeps the days a trial used across uninstall and a workspace erased by shop/redact, under a keyed hash of the shop", async () => {
    const first = await seedTenant({ plan: "starter" });
    const now = Date.now();
    const activated = now - 10 * DAY + HOUR;
    // As subscribeToPlan records what appSubscriptionCreate answered: the webhook carries no trial days.
    const created = { tenantId: first.tenantId, subscriptionGid: "gid://shopify/AppSubscription/21", plan: "growth", status: "PENDING", test: true, trialDays: 30 } as const;
    await runStatements(env.DB, writeSubscriptionObservations([{ ...created, at: activated - HOUR, createdAt: activated - HOUR }], now));
    await deliver(first.shop, "app_subscriptions/update", update("21", "ACTIVE", activated, activated - HOUR));
    const ctx = tenantControlOf(first.tenantId);
    const during = await loadBillingState({ ctx, input: { shopDomain: first.shop, now } });
    expect(during).toMatchObject({ plan: "growth", trial: { daysLeft: 21 }, trialDaysAvailable: 20 });

    await deliver(first.shop, "app/uninstalled", JSON.stringify({ id: 1, myshopify_domain: first.shop }));
    expect(await readSettledTrialDays({ ctx, input: { shopDomain: first.shop } })).toBe(10);
    expect(await loadBillingState({ ctx, input: { shopDomain: first.shop, now } })).toMatchObject({ plan: "starter", trial: null, trialDaysAvailable: 20 });
    // Settling again (a redelivered uninstall) adds nothing.
    await deliver(first.shop, "app/uninstalled", JSON.stringify({ id: 1, myshopify_domain: first.shop }));
    expect(await readSettledTrialDays({ ctx, input: { shopDomain: first.shop } })).toBe(10);

    // shop/redact erases the workspace; the shop installs again as a new tenant.
    await env.DB.batch([
      env.DB.prepare("delete from billing_subscriptions where tenant_id = ?").bind(first.tenantId),
      env.DB.prepare("delete from api_keys where tenant_id = ?").bind(first.tenantId),
      env.DB.prepare("delete from tenants where id = ?").bind(first.tenantId),
    ]);
    const again = await seedTenant({ shop: first.shop.toUpperCase(), plan: "starter" });
    const fresh = await loadBillingState({ ctx: tenantControlOf(again.tenantId), input: { shopDomain: again.shop, now } });
    expect(fresh).toMatchObject({ plan: "starter", trialDaysAvailable: 20 });
    const { results } = await env.DB.prepare("select shop_hash as hash from billing_trials").all<{ hash: string }>();
    expect(results.some((r) => r.hash.includes(first.shop) || r.hash.includes(first.shop.split(".")[0]!))).toBe(false);
    expect(results.map((r) => r.hash).every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });
});
