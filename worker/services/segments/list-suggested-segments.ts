import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { jobsTable, segmentsTable } from "../../db/schema/index.ts";
import { controlDeps, type TenantContext } from "../../context/deps.ts";
import { findTenantById } from "../tenants/find-tenant.ts";
import { previewSegment } from "./preview-segment.ts";
import type { Translation } from "./segment-view.ts";
import { SUGGESTED_SEGMENTS, suggestionStats } from "./suggested-segments.ts";

export type SuggestedSegment = {
  key: string;
  name: string;
  kind: "customer" | "product";
  description: string;
  query: string;
  count: number;
  translation: Translation;
  /** The segment made from it, once accepted. */
  acceptedSlug: string | null;
};

export type SuggestionsView = { status: "ready" | "waiting_for_backfill"; suggestions: SuggestedSegment[] };

/**
 * Suggestions with their current member counts, once the install's backfill has finished: while the tenant is still
 * installing without one (the first admin load comes before it is requested) or while one runs, they wait. A tenant
 * that never backfilled otherwise has whatever data it has. Computed on request: a few count queries, always current.
 */
export async function listSuggestedSegments(args: { ctx: TenantContext }): Promise<SuggestionsView> {
  const { ctx } = args;
  const [tenant, backfill] = await Promise.all([
    findTenantById({ ctx: controlDeps(ctx), input: { tenantId: ctx.tenantId } }),
    ctx.db
      .select({ createdAt: jobsTable.createdAt, finishedAt: jobsTable.finishedAt })
      .from(jobsTable)
      .where(and(eq(jobsTable.tenantId, ctx.tenantId), eq(jobsTable.kind, "backfill")))
      .orderBy(desc(jobsTable.createdAt))
      .limit(1)
      .get(),
  ]);
  const requestedSinceInstall = backfill !== undefined && (!tenant?.installedAt || backfill.createdAt >= tenant.installedAt);
  if (backfill?.finishedAt === null || (tenant?.status === "installing" && !requestedSinceInstall)) return { status: "waiting_for_backfill", suggestions: [] };

  const accepted = await ctx.db
    .select({ suggestion: segmentsTable.suggestion, slug: segmentsTable.slug })
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), isNotNull(segmentsTable.suggestion), isNull(segmentsTable.deletedAt)));
  const acceptedSlug = new Map(accepted.map((row) => [row.suggestion, row.slug]));
  const stats = await suggestionStats({ ctx });
  const suggestions: SuggestedSegment[] = [];
  for (const definition of SUGGESTED_SEGMENTS) {
    const query = definition.query(stats);
    const preview = await previewSegment({ ctx, input: { kind: definition.kind, query } });
    if (!preview.ok) throw new Error(`suggested segment ${definition.key} does not parse: ${preview.error.message}`);
    const { key, name, kind, description } = definition;
    const { count, translation } = preview.value;
    suggestions.push({ key, name, kind, description, query, count, translation, acceptedSlug: acceptedSlug.get(key) ?? null });
  }
  return { status: "ready", suggestions };
}
