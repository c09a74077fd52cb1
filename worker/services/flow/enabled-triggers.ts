import { and, eq } from "drizzle-orm";
import { flowTriggersTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import type { FlowTriggerHandle } from "./flow-handles.ts";

/** Triggers with an enabled workflow in this shop, per Flow's lifecycle callbacks; SegOps fires no others. */
export async function enabledTriggers(args: { ctx: TenantContext }): Promise<Set<FlowTriggerHandle>> {
  const { ctx } = args;
  const rows = await ctx.db
    .select({ handle: flowTriggersTable.handle })
    .from(flowTriggersTable)
    .where(and(eq(flowTriggersTable.tenantId, ctx.tenantId), eq(flowTriggersTable.enabled, true)));
  return new Set(rows.map((row) => row.handle as FlowTriggerHandle));
}
