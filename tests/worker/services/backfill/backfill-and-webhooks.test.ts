import { describe, expect, it } from "vitest";
import { waitForBackfill } from "../../../helpers/backfill.ts";
import { adminJson, installShop, sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { adminContext } from "../../../helpers/service-context.ts";
import { sendDelivery } from "../../../helpers/webhook-requests.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const STORE = { products: 6, customers: 10, orders: 30, abandonedCheckouts: 3, days: 120 };

async function keyCount(tenantId: string, dedupKey: string) {
  return (await (await tenantDb(tenantId)).prepare("select count(*) n from events where tenant_id = ? and dedup_key = ?").bind(tenantId, dedupKey).first<{ n: number }>())!.n;
}

/** Profiles whose aggregates disagree with the orders stored for them. */
async function staleProfiles(tenantId: string) {
  const orders = "from orders o where o.tenant_id = p.tenant_id and o.profile_id = p.id and o.cancelled_at is null";
  const { results } = await (await tenantDb(tenantId)).prepare(
    `select p.shopify_customer_id from profiles p where p.tenant_id = ? and (
      p.orders_count <> (select count(*) ${orders})
      or p.total_spent <> (select round(coalesce(sum(o.total_price - o.total_refunded), 0), 2) ${orders})
      or coalesce(p.first_order_at, -1) <> coalesce((select min(o.ordered_at) ${orders}), -1)
      or coalesce(p.last_order_at, -1) <> coalesce((select max(o.ordered_at) ${orders}), -1))`,
  )
    .bind(tenantId)
    .all();
  return results;
}

/** What Shopify says about one customer's orders since the backfill window began. */
async function shopifyTotals(tenantId: string, customerId: string, since: string) {
  const { admin } = await adminContext(tenantId);
  type Orders = { customer: { orders: { nodes: { cancelledAt: string | null; totalPriceSet: { shopMoney: { amount: string } }; totalRefundedSet: { shopMoney: { amount: string } } }[] } } };
  const read = await admin.request<Orders>(
    `query ($id: ID!, $q: String) { customer(id: $id) { orders(first: 100, query: $q) { nodes { cancelledAt totalPriceSet { shopMoney { amount } } totalRefundedSet { shopMoney { amount } } } } } }`,
    { id: `gid://shopify/Customer/${customerId}`, q: `created_at:>='${since}'` },
  );
  if (!read.ok) throw new Error(read.error.message);
  const live = read.value.customer.orders.nodes.filter((order) => order.cancelledAt === null);
  const spent = live.reduce((sum, order) => sum + Number(order.totalPriceSet.shopMoney.amount) - Number(order.totalRefundedSet.shopMoney.amount), 0);
  return { ordersCount: live.length, totalSpent: Math.round(spent * 100) / 100 };
}

describe("backfill and live webhooks together", () => {
  it("counts one purchase per order whether its webhook came before or after the backfill, and aggregates match Shopify", async () => {
    const { shop, tenantId } = await installShop({ size: STORE });
    await waitForBackfill(shop);
    const { customer, deliveries: customerDeliveries } = await sim().createCustomer(shop, { email: "overlap@example.com" });
    const before = await sim().createOrder(shop, { customerId: customer.id, financialStatus: "paid" });
    const after = await sim().createOrder(shop, { customerId: customer.id, financialStatus: "paid" });
    for (const delivery of [...customerDeliveries, ...before.deliveries]) expect((await sendDelivery(delivery)).status).toBe(200);
    await waitFor(async () => (await keyCount(tenantId, `purchase:${before.order.id}`)) === 1, { what: "webhook purchase" });

    const queued = await adminJson<{ job: { id: string } }>(shop, "/backfill", { method: "POST" });
    const done = await waitForBackfill(shop, (view) => view.job?.id === queued.job.id && !view.running);
    expect(done.job?.status).toBe("succeeded");
    for (const delivery of after.deliveries) expect((await sendDelivery(delivery)).status).toBe(200);
    const delivered = customerDeliveries.length + before.deliveries.length + after.deliveries.length;
    const db = await tenantDb(tenantId);
    await waitFor(async () => (await db.prepare("select count(*) n from deliveries where tenant_id = ?").bind(tenantId).first<{ n: number }>())!.n === delivered, { what: "webhooks ingested" });

    for (const order of [before.order, after.order]) {
      expect(await keyCount(tenantId, `purchase:${order.id}`)).toBe(1);
      expect(await keyCount(tenantId, `order_created:${order.id}`)).toBe(1);
    }
    expect((await db.prepare("select count(*) n from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenantId, customer.id).first<{ n: number }>())!.n).toBe(1);
    expect(await staleProfiles(tenantId)).toEqual([]);
    const since = done.resources.find((r) => r.resource === "orders")!.since!;
    const profile = await db.prepare("select orders_count, total_spent from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenantId, customer.id).first();
    expect(profile).toEqual({ orders_count: 2, total_spent: (await shopifyTotals(tenantId, customer.id, since)).totalSpent });
    const { results } = await db.prepare("select shopify_customer_id id from profiles where tenant_id = ? and orders_count > 0 limit 3").bind(tenantId).all<{ id: string }>();
    for (const { id } of results) {
      const stored = await db.prepare("select orders_count ordersCount, total_spent totalSpent from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenantId, id).first();
      expect(stored).toEqual(await shopifyTotals(tenantId, id, since));
    }
  });
});
