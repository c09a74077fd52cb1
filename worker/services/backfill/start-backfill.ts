import { controlDeps } from "../../context/deps.ts";
import { BACKFILL_RESOURCES, type BackfillMessageOf } from "../../../queues/backfill-messages.ts";
import { findTenantById } from "../tenants/find-tenant.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { claimBackfillJob } from "./backfill-job.ts";
import { backfillWindow, ordersWindowNotice } from "./backfill-window.ts";
import { finishBackfillIfDone } from "./finish-backfill.ts";
import { pollDelaySeconds } from "./poll-backfill.ts";
import { submitBulkExport } from "./submit-bulk-export.ts";

const BUSY_RETRY_SECONDS = 30;

/**
 * Exports every resource that has not been exported yet for this job (a redelivered or deferred `start` only fills
 * the gaps). Each export is then watched by `poll` messages until Shopify's `bulk_operations/finish` or a poll
 * sees it complete.
 */
export async function startBackfill(args: { ctx: BackfillContext; input: BackfillMessageOf<"start"> }): Promise<void> {
  const { ctx, input: message } = args;
  const now = Date.now();
  if (!(await claimBackfillJob({ ctx, input: { jobId: message.jobId, now } }))) return;
  const tenant = await findTenantById({ ctx: controlDeps(ctx), input: { tenantId: ctx.tenantId } });
  if (!tenant) return;
  const window = backfillWindow(tenant.grantedScopes, now);
  const state = await ctx.tenant.beginBackfill({ jobId: message.jobId, reason: message.reason, startedAt: now, ordersDays: window.ordersDays }, window.since);
  await noteOrdersWindow(ctx, state.ordersDays);

  let busy = false;
  for (const resource of BACKFILL_RESOURCES) {
    const progress = state.resources[resource];
    if (progress.phase !== "pending") continue;
    const submitted = await submitBulkExport({ ctx, input: { resource, since: progress.since } });
    if (submitted.ok) {
      const patch = { phase: "exporting" as const, operationId: submitted.value.operationId, exportStartedAt: Date.now() };
      await ctx.tenant.updateBackfill(message.jobId, resource, patch, "pending");
      await ctx.send({ type: "poll", tenantId: ctx.tenantId, jobId: message.jobId, resource, attempt: 0 }, { delaySeconds: pollDelaySeconds(0) });
      continue;
    }
    const refusal = submitted.error;
    if (refusal.kind === "retry") throw new Error(`Shopify is unavailable: ${refusal.message}`);
    if (refusal.kind === "busy") busy = true;
    else await ctx.tenant.updateBackfill(message.jobId, resource, { phase: "failed", error: refusal.failure, finishedAt: Date.now() }, "pending");
  }
  if (busy) await ctx.send(message, { delaySeconds: BUSY_RETRY_SECONDS });
  await finishBackfillIfDone({ ctx, input: { jobId: message.jobId } });
}

/** Setup progress says plainly when orders stop at 60 days, instead of claiming 90. */
async function noteOrdersWindow(ctx: BackfillContext, ordersDays: number): Promise<void> {
  const detail = ordersWindowNotice(ordersDays) ?? `orders: last ${ordersDays} days`;
  const step = (await ctx.tenant.getSetup()).backfill;
  if (!step || step.detail === detail) return;
  const { updatedAt: _updatedAt, ...rest } = step;
  await ctx.tenant.updateSetupStep("backfill", { ...rest, detail });
}
