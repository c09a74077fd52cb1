import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { flowActionRunsTable } from "../../db/schema/index.ts";
import { withAdmin } from "../../context/admin-context.ts";
import { forTenant, type Deps, type TenantContext } from "../../context/deps.ts";
import { checkPlanLimit } from "../billing/check-plan-limit.ts";
import { findTenantByShop } from "../tenants/find-tenant.ts";
import { refuse, type FlowActionResult, type FlowActionRun } from "./actions/flow-action.ts";
import { recomputeSegmentAction } from "./actions/recompute-segment-action.ts";
import { scoreProductAction } from "./actions/score-product-action.ts";
import { tagCustomerAction } from "./actions/tag-customer-action.ts";
import { FLOW_ACTIONS, type FlowActionHandle } from "./flow-handles.ts";

/** Flow's action request (shopify.dev apps/build/flow/actions/endpoints). */
export const FlowActionRequest = z.object({
  shopify_domain: z.string().min(1),
  action_run_id: z.string().min(1).max(200),
  action_definition_id: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).default({}),
});

export type FlowActionResponse = { status: 200 | 400 | 402 | 404 | 429 | 502; body: Record<string, unknown> };

const ACTIONS: Record<FlowActionHandle, FlowActionRun> = {
  [FLOW_ACTIONS.recomputeSegment]: recomputeSegmentAction,
  [FLOW_ACTIONS.tagCustomer]: tagCustomerAction,
  [FLOW_ACTIONS.scoreProduct]: scoreProductAction,
};

// A run still `running` after this is taken to have died with its isolate, and the next delivery runs it.
const STALE_RUN_MS = 60_000;

/**
 * Runs a Flow action once per `action_run_id`: the first delivery claims the id, later ones get the stored answer
 * (or 429 while it still runs). A passing Shopify failure releases the claim so Flow's retry runs it again.
 */
export async function runFlowAction(args: { ctx: Deps; input: { handle: string; request: z.output<typeof FlowActionRequest> } }): Promise<FlowActionResponse> {
  const { ctx, input } = args;
  const { request } = input;
  // Own keys only: a path segment such as `constructor` must not reach Object.prototype.
  const action = Object.hasOwn(ACTIONS, input.handle) ? ACTIONS[input.handle as FlowActionHandle] : undefined;
  if (!action) return answer(refuse(`SegOps has no Flow action ${input.handle}.`, 404));
  const tenant = await findTenantByShop({ ctx, input: { shop: request.shopify_domain } });
  if (!tenant || tenant.status === "uninstalled") return answer(refuse(`SegOps is not installed on ${request.shopify_domain}.`, 404));
  const tenantCtx = await forTenant(ctx, tenant.id);
  // Refused before the run is claimed, so Flow's retry after an upgrade runs it.
  const allowed = await checkPlanLimit({ ctx: tenantCtx, input: { limit: "flow" } });
  if (!allowed.ok) {
    const { message, ...details } = allowed.error;
    return { status: 402, body: { error: { code: "plan_limit", message, details } } };
  }

  const now = Date.now();
  const runId = request.action_run_id;
  const claimed = await tenantCtx.db
    .insert(flowActionRunsTable)
    .values({ actionRunId: runId, tenantId: tenant.id, handle: input.handle, status: "running", createdAt: new Date(now) })
    .onConflictDoUpdate({
      target: flowActionRunsTable.actionRunId,
      set: { createdAt: new Date(now) },
      setWhere: and(eq(flowActionRunsTable.status, "running"), lt(flowActionRunsTable.createdAt, new Date(now - STALE_RUN_MS))),
    })
    .returning({ tenantId: flowActionRunsTable.tenantId });
  if (claimed.length === 0) return storedAnswer(tenantCtx, runId, tenant.id);
  if (claimed[0]!.tenantId !== tenant.id) return answer(refuse("This action run belongs to another shop.", 400));

  const result = await action({ ctx: withAdmin(tenantCtx), input: { properties: request.properties } });
  const byRun = eq(flowActionRunsTable.actionRunId, runId);
  if (result.status === "retry") {
    await tenantCtx.db.delete(flowActionRunsTable).where(byRun);
    return { status: 502, body: { error: { message: result.message } } };
  }
  await tenantCtx.db
    .update(flowActionRunsTable)
    .set({ status: result.status === 200 ? "succeeded" : "failed", result: { status: result.status, body: result.body } })
    .where(byRun);
  return answer(result);
}

async function storedAnswer(ctx: TenantContext, runId: string, tenantId: string): Promise<FlowActionResponse> {
  const run = await ctx.db.select().from(flowActionRunsTable).where(eq(flowActionRunsTable.actionRunId, runId)).get();
  if (!run || run.tenantId !== tenantId) return answer(refuse("This action run belongs to another shop.", 400));
  if (run.status === "running") return { status: 429, body: { error: { message: "This action run is still in progress." } } };
  return answer(run.result as FlowActionResult);
}

const answer = (result: FlowActionResult): FlowActionResponse => ({ status: result.status, body: result.body });
