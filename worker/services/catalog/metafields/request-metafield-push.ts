import type { ShopifyWriteMessage } from "../../../../queues/messages.ts";
import { jobsTable } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../../context/deps.ts";
import { newId } from "../../../lib/ids.ts";
import { EMPTY_PROGRESS, openPushJob, pushJobView, type PushJobView } from "./push-job.ts";

export type PushReason = "nightly" | "manual";

/**
 * Starts a metafield push for the tenant (a job row and its first queue message), or answers the one already
 * queued or running: one push at a time, so "push now" during the nightly run joins it.
 */
export async function requestMetafieldPush(args: { ctx: TenantContext; input: { reason: PushReason; now: number } }): Promise<{ job: PushJobView; started: boolean }> {
  const { ctx, input } = args;
  const open = await openPushJob({ ctx });
  if (open) return { job: pushJobView(open), started: false };
  const [job] = await ctx.db
    .insert(jobsTable)
    .values({ id: newId("job", input.now), tenantId: ctx.tenantId, kind: "metafield_push", status: "queued", params: { reason: input.reason }, result: EMPTY_PROGRESS, createdAt: new Date(input.now) })
    .returning();
  const message: ShopifyWriteMessage = { type: "metafield_push", tenantId: ctx.tenantId, jobId: job!.id };
  await ctx.env.SHOPIFY_WRITES_QUEUE.send(message);
  return { job: pushJobView(job!), started: true };
}
