import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../../worker/index.ts";
import { CRONS } from "../../../../worker/crons.ts";
import { manualBackfill, tenantCounts, waitForBackfill } from "../../../helpers/backfill.ts";
import { installShop, sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

describe("nightly reconciliation", () => {
  it("fills in what webhooks never delivered in the last 48 h", async () => {
    const { shop, tenantId } = await installShop({ size: { products: 3, customers: 6, orders: 10, abandonedCheckouts: 2, days: 120 } });
    await waitForBackfill(shop);
    const before = await tenantCounts(tenantId);
    const { customer } = await sim().createCustomer(shop, { email: "silent@example.com", emit: false });
    const { order } = await sim().createOrder(shop, { customerId: customer.id, financialStatus: "paid", emit: false });
    const { product } = await sim().createProduct(shop, { title: "Made without a webhook", emit: false });
    const { checkout } = await sim().createCheckout(shop, { customerId: customer.id, emit: false });
    const db = await tenantDb(tenantId);
    const existing = (await db.prepare("select shopify_customer_id id from profiles where tenant_id = ? limit 1").bind(tenantId).first<{ id: string }>())!.id;
    await sim().updateCustomer(shop, existing, { tags: ["reconciled"], emit: false });

    await worker.scheduled(createScheduledController({ cron: CRONS.reconcile, scheduledTime: Date.now() }), env, createExecutionContext());
    const job = await waitFor(
      async () => db.prepare("select status, result from jobs where tenant_id = ? and kind = 'reconcile' and status <> 'running'").bind(tenantId).first<{ status: string; result: string }>(),
      { what: "reconciliation job" },
    );
    expect(job.status).toBe("succeeded");
    expect(JSON.parse(job.result).reconciled).toMatchObject({ orders: expect.any(Number), customers: expect.any(Number) });

    const key = (k: string) => db.prepare("select count(*) n from events where tenant_id = ? and dedup_key = ?").bind(tenantId, k).first<{ n: number }>();
    expect(await key(`purchase:${order.id}`)).toEqual({ n: 1 });
    expect(await key(`customer_created:${customer.id}`)).toEqual({ n: 1 });
    expect(await key(`checkout_start:${checkout.token}`)).toEqual({ n: 1 });
    const tags = await db.prepare("select tags from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenantId, existing).first<{ tags: string }>();
    expect(JSON.parse(tags!.tags)).toContain("reconciled");
    expect(await db.prepare("select title from products where tenant_id = ? and shopify_product_id = ?").bind(tenantId, product.id).first()).toEqual({ title: "Made without a webhook" });
    const after = await tenantCounts(tenantId);
    expect(after).toMatchObject({ orders: before.orders + 1, profiles: before.profiles + 1, products: before.products + 1, abandonedCheckouts: before.abandonedCheckouts + 1 });
    const profile = await db.prepare("select orders_count from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenantId, customer.id).first();
    expect(profile).toEqual({ orders_count: 1 });
  });

  it("restarts a backfill whose messages were lost, and starts one left queued", async () => {
    const { shop, tenantId } = await installShop({ size: { products: 2, customers: 4, orders: 6, abandonedCheckouts: 1, days: 120 } });
    await waitForBackfill(shop);
    const old = Date.now() - 10 * 60_000;
    const db = await tenantDb(tenantId);
    const insert = (id: string, status: string) =>
      db.prepare("insert into jobs (id, tenant_id, kind, status, params, created_at) values (?, ?, 'backfill', ?, '{\"reason\":\"manual\"}', ?)").bind(id, tenantId, status, old).run();
    const lost = `job_lost_${crypto.randomUUID().slice(0, 6)}`;
    await insert(lost, "queued");
    const driver = await manualBackfill(tenantId);
    await driver.run({ type: "start", tenantId, jobId: lost, reason: "manual" });
    driver.queue.length = 0;

    await worker.scheduled(createScheduledController({ cron: CRONS.reconcile, scheduledTime: Date.now() }), env, createExecutionContext());
    await waitFor(async () => (await db.prepare("select status from jobs where tenant_id = ? and id = ?").bind(tenantId, lost).first<{ status: string }>())?.status === "succeeded", { what: "the lost backfill" });

    const queued = `job_queued_${crypto.randomUUID().slice(0, 6)}`;
    await insert(queued, "queued");
    await worker.scheduled(createScheduledController({ cron: CRONS.reconcile, scheduledTime: Date.now() }), env, createExecutionContext());
    await waitFor(async () => (await db.prepare("select status from jobs where tenant_id = ? and id = ?").bind(tenantId, queued).first<{ status: string }>())?.status === "succeeded", { what: "the queued backfill" });
  });
});
