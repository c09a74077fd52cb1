import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { billingSubscriptionsTable, usageCountersTable, type Plan } from "../../db/schema/index.ts";
import { inJsonValues } from "../../db/sql-json.ts";
import { usagePeriod } from "./count-usage.ts";
import { PLAN_TABLE } from "./plans.ts";

/**
 * Past the plan's limit only cart and checkout events are stored from the storefront; past this many times the
 * limit, none, so a storefront flood of cart events cannot fill the shared database either.
 */
export const STOREFRONT_CAP_FACTOR = 2;

/** `past_limit`: browsing events stop; `past_storefront_cap`: every storefront event stops (webhooks never do). */
export type EventLimitState = "past_limit" | "past_storefront_cap";

/**
 * The tenants of an ingest batch that have stored their plan's events for the month: read once per batch with the
 * consumer's other lookups, so the pixel's hot path gains no D1 call and the batch no extra write. Plans are in the
 * control database, the month's counters on the shard that holds these tenants' events.
 */
export async function findTenantsOverEventLimit(args: { ctx: { db: Db; control: { db: Db } }; input: { tenantIds: readonly string[]; now: number } }): Promise<Map<string, EventLimitState>> {
  const { ctx, input } = args;
  if (input.tenantIds.length === 0) return new Map();
  const s = billingSubscriptionsTable;
  const u = usageCountersTable;
  const ids = [...new Set(input.tenantIds)];
  const [active, counters] = await Promise.all([
    ctx.control.db.select({ tenantId: s.tenantId, plan: s.plan, createdAt: s.createdAt }).from(s).where(and(inJsonValues(s.tenantId, ids), eq(s.status, "ACTIVE"))),
    ctx.db.select({ tenantId: u.tenantId, events: u.events }).from(u).where(and(inJsonValues(u.tenantId, ids), eq(u.period, usagePeriod(input.now)))),
  ]);
  const plans = new Map<string, { plan: Plan; createdAt: number }>();
  for (const row of active) {
    const known = plans.get(row.tenantId);
    if (!known || row.createdAt.getTime() > known.createdAt) plans.set(row.tenantId, { plan: row.plan, createdAt: row.createdAt.getTime() });
  }
  const over = new Map<string, EventLimitState>();
  for (const { tenantId, events } of counters) {
    const limit = PLAN_TABLE[plans.get(tenantId)?.plan ?? "starter"].limits.eventsPerMonth;
    if (events >= limit * STOREFRONT_CAP_FACTOR) over.set(tenantId, "past_storefront_cap");
    else if (events >= limit) over.set(tenantId, "past_limit");
  }
  return over;
}
