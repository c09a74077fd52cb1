import { and, asc, eq, gt } from "drizzle-orm";
import type { ResourceProgress } from "../../../durable-objects/backfill-progress.ts";
import { profilesTable } from "../../db/schema/index.ts";
import { newIngestPlan, writeIngestPlan } from "../ingest/index.ts";
import type { BackfillContext } from "./backfill-context.ts";
import type { ChunkTarget } from "./stage-bulk-chunk.ts";

const PROFILES_PER_CHUNK = 2_000;

/**
 * The orders' last step: every profile's totals (orders count, total spent, first and last order) recomputed from
 * the stored orders, a slice of profiles per chunk. Once at the end instead of after every chunk of orders, which
 * recomputed a customer once per chunk that held one of their orders.
 */
export async function aggregateProfilesChunk(args: { ctx: BackfillContext; input: { target: ChunkTarget; progress: ResourceProgress } }): Promise<ResourceProgress | null> {
  const { ctx, input } = args;
  const { target, progress } = input;
  const slice = await ctx.db
    .select({ id: profilesTable.id, customerId: profilesTable.shopifyCustomerId })
    .from(profilesTable)
    .where(and(eq(profilesTable.tenantId, ctx.tenantId), gt(profilesTable.id, progress.afterProfile)))
    .orderBy(asc(profilesTable.id))
    .limit(PROFILES_PER_CHUNK);
  const plan = newIngestPlan();
  plan.recompute = slice.map((profile) => ({ tenantId: ctx.tenantId, customerId: profile.customerId, orderId: null }));
  await writeIngestPlan({ ctx, input: { plan } });
  const done = slice.length < PROFILES_PER_CHUNK;
  const afterProfile = slice.at(-1)?.id ?? progress.afterProfile;
  return ctx.tenant.commitBackfillChunk(target.jobId, target.resource, progress.chunk, done ? { afterProfile, phase: "done", finishedAt: Date.now() } : { afterProfile });
}
