import { and, eq } from "drizzle-orm";
import { BACKFILL_RESOURCES, type BackfillMessageOf } from "../../../queues/backfill-messages.ts";
import { jobsTable } from "../../db/schema/index.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { loadKnownCheckoutTokens } from "./load-known-checkout-tokens.ts";
import { planBulkRecords } from "./plan-bulk-records.ts";
import { readRecentPage } from "./read-recent-page.ts";

/**
 * Nightly reconciliation of one tenant: pages through what changed since `since`, resource after resource, and
 * writes it through the same appliers as the backfill. Webhooks that did arrive produced the same business keys,
 * so only what they missed changes anything.
 */
export async function reconcileResource(args: { ctx: BackfillContext; input: BackfillMessageOf<"reconcile"> }): Promise<void> {
  const { ctx, input: message } = args;
  const started = Date.now();
  let { resource, after } = message;
  const counts = { ...message.counts };
  for (;;) {
    const page = await readRecentPage({ ctx, input: { resource, since: message.since, after } });
    if (!page.ok) {
      if (page.error.kind === "unavailable") throw new Error(`Shopify is unavailable: ${page.error.message}`);
      return finishReconcile(ctx, message.jobId, counts, `${resource}: ${page.error.message}`);
    }
    const knownCheckoutTokens = resource === "abandoned_checkouts" ? await loadKnownCheckoutTokens({ ctx, input: { roots: page.value.records } }) : new Map<string, string>();
    const factContext = { tenantId: ctx.tenantId, source: "backfill" as const, receivedAt: Date.now(), triggeredAt: null, knownCheckoutTokens };
    const { plan, planned } = planBulkRecords(resource, factContext, page.value.records);
    await ctx.writePlan(plan);
    counts[resource] = (counts[resource] ?? 0) + planned;
    after = page.value.after;
    if (after === null) {
      const next = BACKFILL_RESOURCES[BACKFILL_RESOURCES.indexOf(resource) + 1];
      if (!next) return finishReconcile(ctx, message.jobId, counts, null);
      resource = next;
    }
    if (Date.now() - started >= ctx.limits.invocationMs) {
      await ctx.send({ ...message, resource, after, counts });
      return;
    }
  }
}

async function finishReconcile(ctx: BackfillContext, jobId: string, counts: Record<string, number>, error: string | null): Promise<void> {
  await ctx.db
    .update(jobsTable)
    .set({ status: error ? "failed" : "succeeded", result: { reconciled: counts }, error, finishedAt: new Date() })
    .where(and(eq(jobsTable.id, jobId), eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.status, "running")));
  ctx.log.info("reconciled", { tenant: ctx.tenantId, job: jobId, failed: error !== null, ...counts });
}
