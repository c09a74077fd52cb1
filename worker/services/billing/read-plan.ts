import { and, desc, eq } from "drizzle-orm";
import type { TenantControl } from "../../context/deps.ts";
import { billingSubscriptionsTable, type Plan } from "../../db/schema/index.ts";

/** The plan in force (the newest ACTIVE subscription's, else Starter): read on every check, so a change applies at once. */
export async function readPlan(args: { ctx: TenantControl }): Promise<Plan> {
  const { ctx } = args;
  const s = billingSubscriptionsTable;
  const row = await ctx.db
    .select({ plan: s.plan })
    .from(s)
    .where(and(eq(s.tenantId, ctx.tenantId), eq(s.status, "ACTIVE")))
    .orderBy(desc(s.createdAt))
    .limit(1)
    .get();
  return row?.plan ?? "starter";
}
