import { z } from "zod";
import { BACKFILL_RESOURCES } from "../../../queues/backfill-messages.ts";
import type { BackfillContext } from "./backfill-context.ts";

const FinishPayloadSchema = z.object({ admin_graphql_api_id: z.string() });

/**
 * `bulk_operations/finish`: the export of one resource is ready (or failed). The poll that follows reads its status
 * and starts the chunks; an export this tenant no longer tracks (an older job's) is ignored.
 */
export async function handleBulkOperationFinish(ctx: BackfillContext, payload: unknown): Promise<boolean> {
  const parsed = FinishPayloadSchema.safeParse(payload);
  if (!parsed.success) return false;
  const state = await ctx.tenant.backfillState();
  const resource = BACKFILL_RESOURCES.find((r) => state?.resources[r].operationId === parsed.data.admin_graphql_api_id);
  if (!state || !resource || state.resources[resource].phase !== "exporting") return true;
  await ctx.send({ type: "poll", tenantId: ctx.tenantId, jobId: state.jobId, resource, attempt: 0 });
  return true;
}
