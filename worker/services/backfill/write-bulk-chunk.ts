import type { ResourceProgress } from "../../../durable-objects/backfill-progress.ts";
import { parseShopifyJson } from "../../shopify/payload/parse-shopify-json.ts";
import { quarantineRow } from "../quarantine/index.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { dropKnownCustomers } from "./drop-known-customers.ts";
import { joinBulkLines } from "./join-bulk-lines.ts";
import { loadKnownCheckoutTokens } from "./load-known-checkout-tokens.ts";
import { planBulkRecords } from "./plan-bulk-records.ts";
import type { ChunkTarget } from "./stage-bulk-chunk.ts";

/**
 * Writes the next records (staged roots after the write cursor, with all their children) as one D1 batch through
 * the ingestion writers, then moves the cursor. Every row is an upsert on a business key, so re-running a chunk
 * after a crash between the write and the cursor move writes nothing twice.
 */
export async function writeBulkChunk(args: { ctx: BackfillContext; input: { target: ChunkTarget; progress: ResourceProgress } }): Promise<ResourceProgress | null> {
  const { ctx, input } = args;
  const { target, progress } = input;
  const { jobId, resource } = target;
  const receivedAt = Date.now();
  const staged = await ctx.tenant.readBackfillRoots(jobId, resource, progress.afterSeq, ctx.limits.writeRoots);
  const objects: Record<string, unknown>[] = [];
  const unreadable: { line: string; reason: string }[] = [];
  for (const line of staged.lines) {
    const parsed = parseShopifyJson(line);
    if (parsed.ok && parsed.value !== null && typeof parsed.value === "object") objects.push(parsed.value as Record<string, unknown>);
    else unreadable.push({ line, reason: parsed.ok ? "JSONL line is not an object" : parsed.error.reason });
  }
  const { roots } = joinBulkLines(objects);
  const knownCheckoutTokens = resource === "abandoned_checkouts" ? await loadKnownCheckoutTokens({ ctx, input: { roots } }) : new Map<string, string>();
  const factContext = { tenantId: ctx.tenantId, source: "backfill" as const, receivedAt, triggeredAt: progress.exportStartedAt, knownCheckoutTokens };
  const { plan, planned, skipped } = planBulkRecords(resource, factContext, roots);
  for (const { line, reason } of unreadable) {
    plan.quarantine.push(
      quarantineRow({ tenantId: ctx.tenantId, shopDomain: null, source: "backfill", topic: `backfill/${resource}`, reason, payload: line, headers: {}, receivedAt }),
    );
  }
  if (resource === "orders" || resource === "abandoned_checkouts") await dropKnownCustomers({ ctx, input: { plan } });
  // Orders end with one pass over every profile's totals (aggregate-profiles-chunk.ts) instead.
  if (resource === "orders") plan.recompute = [];
  await ctx.writePlan(plan);
  const cursor = { afterSeq: staged.lastSeq, rowsWritten: progress.rowsWritten + planned, skipped: progress.skipped + skipped + unreadable.length };
  if (staged.more) return ctx.tenant.commitBackfillChunk(jobId, resource, progress.chunk, cursor);
  const next = resource === "orders" ? { phase: "aggregating" as const } : { phase: "done" as const, finishedAt: Date.now() };
  return ctx.tenant.commitBackfillChunk(jobId, resource, progress.chunk, { ...cursor, ...next });
}
