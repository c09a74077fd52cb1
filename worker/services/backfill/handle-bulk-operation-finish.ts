import { BACKFILL_RESOURCES } from "../../../queues/backfill-messages.ts";
import type { BackfillContext } from "./backfill-context.ts";

/**
 * `bulk_operations/finish`: the export `operationId` (its `admin_graphql_api_id`) is ready or failed. The poll that
 * follows reads its status and starts the chunks; an export this tenant no longer tracks (an older job's) is ignored.
 */
export async function handleBulkOperationFinish(args: { ctx: BackfillContext; input: { operationId: string } }): Promise<void> {
  const { ctx, input } = args;
  const state = await ctx.tenant.backfillState();
  const resource = BACKFILL_RESOURCES.find((r) => state?.resources[r].operationId === input.operationId);
  if (!state || !resource || state.resources[resource].phase !== "exporting") return;
  await ctx.send({ type: "poll", tenantId: ctx.tenantId, jobId: state.jobId, resource, attempt: 0 });
}
