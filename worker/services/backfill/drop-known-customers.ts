import { and, eq, sql } from "drizzle-orm";
import { profilesTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import type { IngestPlan } from "../ingest/index.ts";

/**
 * Orders and checkouts carry their customer, and the appliers upsert it (and its e-mail link) once per order.
 * A profile the customers export already wrote gains nothing from that but D1 work, so those rows are dropped;
 * a customer the export did not have (created since) is still written from the order.
 */
export async function dropKnownCustomers(args: { ctx: TenantContext; input: { plan: IngestPlan } }): Promise<void> {
  const { ctx, input } = args;
  const { plan } = input;
  const ids = [...new Set(plan.customers.map((customer) => customer.customerId))];
  if (ids.length === 0) return;
  const rows = await ctx.db
    .select({ id: profilesTable.shopifyCustomerId })
    .from(profilesTable)
    .where(and(eq(profilesTable.tenantId, ctx.tenantId), sql`${profilesTable.shopifyCustomerId} in (select value from json_each(${JSON.stringify(ids)}))`));
  const known = new Set(rows.map((row) => row.id));
  plan.customers = plan.customers.filter((customer) => !known.has(customer.customerId));
  plan.links = plan.links.filter((link) => link.kind !== "email" || !known.has(link.customerId));
}
