import { sql } from "drizzle-orm";
import { z } from "zod";
import { flowTriggersTable } from "../../db/schema/index.ts";
import { excluded } from "../../db/sql-names.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { forTenant, type Deps } from "../../context/deps.ts";
import { findTenantByShop } from "../tenants/find-tenant.ts";
import { FLOW_TRIGGER_HANDLES, type FlowTriggerHandle } from "./flow-handles.ts";

/** Flow's trigger lifecycle callback body (shopify.dev apps/build/flow/track-lifecycle-events). */
export const TriggerLifecycleInput = z.object({
  flow_trigger_definition_id: z.string().min(1),
  has_enabled_flow: z.boolean(),
  shop_id: z.union([z.string(), z.number()]).optional(),
  shopify_domain: z.string().min(1),
  timestamp: z.iso.datetime({ offset: true }),
});

export type TriggerLifecycle = { handle: FlowTriggerHandle; enabled: boolean; applied: boolean };

const TRIGGER_NAMES: Record<string, FlowTriggerHandle> = {
  "customer entered segops segment": "segops-segment-entered",
  "customer left segops segment": "segops-segment-left",
  "product ai score dropped": "segops-ai-score-dropped",
};

// Flow documents the id as "the unique identifier" with a title as its example: accept the handle or the name.
function triggerHandle(definitionId: string): FlowTriggerHandle | undefined {
  const id = definitionId.trim().toLowerCase();
  return FLOW_TRIGGER_HANDLES.find((handle) => handle === id) ?? (Object.hasOwn(TRIGGER_NAMES, id) ? TRIGGER_NAMES[id] : undefined);
}

/** Stores whether the shop has an enabled workflow using a trigger; an older callback never overwrites a newer one. */
export async function recordTriggerLifecycle(args: {
  ctx: Deps;
  input: z.output<typeof TriggerLifecycleInput>;
}): Promise<Result<TriggerLifecycle, { reason: "unknown_trigger" | "unknown_shop"; message: string }>> {
  const { ctx, input } = args;
  const handle = triggerHandle(input.flow_trigger_definition_id);
  if (!handle) return err({ reason: "unknown_trigger", message: `SegOps has no Flow trigger ${input.flow_trigger_definition_id}.` });
  const tenant = await findTenantByShop({ ctx, input: { shop: input.shopify_domain } });
  if (!tenant) return err({ reason: "unknown_shop", message: `SegOps is not installed on ${input.shopify_domain}.` });
  const at = new Date(Date.parse(input.timestamp));
  const row = { tenantId: tenant.id, handle, enabled: input.has_enabled_flow, definitionId: input.flow_trigger_definition_id, lifecycleAt: at };
  // The trigger's state is the tenant's data: on its shard, read there by the triggers it gates.
  const { db } = await forTenant(ctx, tenant.id);
  const stored = await db
    .insert(flowTriggersTable)
    .values(row)
    .onConflictDoUpdate({
      target: [flowTriggersTable.tenantId, flowTriggersTable.handle],
      set: { enabled: row.enabled, definitionId: row.definitionId, lifecycleAt: at },
      setWhere: sql`${excluded(flowTriggersTable.lifecycleAt)} > ${flowTriggersTable.lifecycleAt}`,
    })
    .returning({ enabled: flowTriggersTable.enabled });
  return ok({ handle, enabled: input.has_enabled_flow, applied: stored.length > 0 });
}
