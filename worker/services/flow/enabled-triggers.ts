import { and, eq } from "drizzle-orm";
import { flowTriggersTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import type { FlowTriggerHandle } from "./flow-handles.ts";
import { checkPlanLimit } from "../billing/check-plan-limit.ts";

/**
 * Triggers with an enabled workflow in this shop, per Flow's lifecycle callbacks; SegOps fires no others, and none
 * while the plan in force has no Flow.
 */
export async function enabledTriggers(args: { ctx: TenantContext }): Promise<Set<FlowTriggerHandle>> {
  const { ctx } = args;
  const [rows, allowed] = await Promise.all([
    ctx.db
      .select({ handle: flowTriggersTable.handle })
      .from(flowTriggersTable)
      .where(and(eq(flowTriggersTable.tenantId, ctx.tenantId), eq(flowTriggersTable.enabled, true))),
    checkPlanLimit({ ctx, input: { limit: "flow" } }),
  ]);
  return allowed.ok ? new Set(rows.map((row) => row.handle as FlowTriggerHandle)) : new Set();
}
