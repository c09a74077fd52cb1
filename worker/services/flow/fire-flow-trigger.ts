import { err, ok, type Result } from "../../lib/result.ts";
import type { AdminGraphqlError } from "../../shopify/admin-graphql.ts";
import { runBatchedMutation } from "../../shopify/run-batched-mutation.ts";
import type { AdminContext } from "../../context/admin-context.ts";
import { enabledTriggers } from "./enabled-triggers.ts";
import { FLOW_TRIGGER_HANDLES, type FlowTriggerHandle } from "./flow-handles.ts";
import { FLOW_TRIGGER_RECEIVE, type FlowTriggerPayload } from "./flow-trigger-mutation.ts";

/** Fires one trigger, unless its workflow was disabled since it was queued; Shopify's userErrors are not retried. */
export async function fireFlowTrigger(args: {
  ctx: AdminContext;
  input: { handle: string; payload: Record<string, unknown> };
}): Promise<Result<{ fired: boolean; userErrors: string[] }, AdminGraphqlError>> {
  const { ctx, input } = args;
  const handle = FLOW_TRIGGER_HANDLES.find((known) => known === input.handle) as FlowTriggerHandle | undefined;
  if (!handle || !(await enabledTriggers({ ctx })).has(handle)) return ok({ fired: false, userErrors: [] });
  const result = await runBatchedMutation<FlowTriggerPayload>(ctx.admin, FLOW_TRIGGER_RECEIVE, [{ handle, payload: input.payload }]);
  if (!result.ok) return err(result.error);
  const userErrors = result.value[0]?.userErrors.map((e) => e.message) ?? ["no answer"];
  return ok({ fired: userErrors.length === 0, userErrors });
}
