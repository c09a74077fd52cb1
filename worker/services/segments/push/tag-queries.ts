import type { TenantContext } from "../../../context/deps.ts";
import { profilesTable, segmentMembershipsTable, segmentTagsTable } from "../../../db/schema/index.ts";
import { tableNames } from "../../../db/sql-names.ts";

/** Rows of the tag diff, read a page at a time in `profile_id` order so a run can resume after the last one. */
export type TagDiffRow = { profileId: string; customerId: string | null; tag: string | null };

export const TAGS_PER_CALL = 25;

const M = tableNames(segmentMembershipsTable);
const P = tableNames(profilesTable);
const T = tableNames(segmentTagsTable);

export async function missingTags(args: { ctx: TenantContext; input: { segmentId: string; after: string } }): Promise<TagDiffRow[]> {
  const { ctx, input } = args;
  const { results } = await ctx.d1
    .prepare(
      `SELECT m.${M.memberId} AS profileId, p.${P.shopifyCustomerId} AS customerId, NULL AS tag
       FROM ${M.$table} m JOIN ${P.$table} p ON p.${P.tenantId} = m.${M.tenantId} AND p.${P.id} = m.${M.memberId}
       WHERE m.${M.tenantId} = ?1 AND m.${M.segmentId} = ?2 AND m.${M.leftAt} IS NULL AND m.${M.memberId} > ?3 AND p.${P.redactedAt} IS NULL
         AND NOT EXISTS (SELECT 1 FROM ${T.$table} t WHERE t.${T.segmentId} = ?2 AND t.${T.profileId} = m.${M.memberId})
       ORDER BY m.${M.memberId} LIMIT ?4`,
    )
    .bind(ctx.tenantId, input.segmentId, input.after, TAGS_PER_CALL)
    .all<TagDiffRow>();
  return results;
}

/** Tags to take off: every one when the segment no longer pushes tags, else those of customers no longer members. */
export async function staleTags(args: {
  ctx: TenantContext;
  input: { segmentId: string; after: string; keepMembers: boolean };
}): Promise<TagDiffRow[]> {
  const { ctx, input } = args;
  const { results } = await ctx.d1
    .prepare(
      `SELECT t.${T.profileId} AS profileId, p.${P.shopifyCustomerId} AS customerId, t.${T.tag} AS tag
       FROM ${T.$table} t LEFT JOIN ${P.$table} p ON p.${P.tenantId} = t.${T.tenantId} AND p.${P.id} = t.${T.profileId} AND p.${P.redactedAt} IS NULL
       WHERE t.${T.tenantId} = ?1 AND t.${T.segmentId} = ?2 AND t.${T.profileId} > ?3
         AND (?4 = 0 OR p.${P.id} IS NULL OR NOT EXISTS (
           SELECT 1 FROM ${M.$table} m WHERE m.${M.tenantId} = ?1 AND m.${M.segmentId} = ?2 AND m.${M.leftAt} IS NULL AND m.${M.memberId} = t.${T.profileId}))
       ORDER BY t.${T.profileId} LIMIT ?5`,
    )
    .bind(ctx.tenantId, input.segmentId, input.after, input.keepMembers ? 1 : 0, TAGS_PER_CALL)
    .all<TagDiffRow>();
  return results;
}

/** Only after Shopify confirmed the write: a retry then recomputes the diff and never resends what is recorded. */
export async function recordTagged(args: {
  ctx: TenantContext;
  input: { segmentId: string; tag: string; profileIds: string[]; now: number };
}): Promise<void> {
  const { ctx, input } = args;
  if (input.profileIds.length === 0) return;
  await ctx.d1
    .prepare(
      `INSERT INTO ${T.$table} (${T.tenantId}, ${T.segmentId}, ${T.profileId}, ${T.tag}, ${T.pushedAt})
       SELECT ?1, ?2, j.value, ?3, ?4 FROM json_each(?5) j WHERE true
       ON CONFLICT (${T.segmentId}, ${T.profileId}) DO UPDATE SET ${T.tag} = excluded.${T.tag}, ${T.pushedAt} = excluded.${T.pushedAt}`,
    )
    .bind(ctx.tenantId, input.segmentId, input.tag, input.now, JSON.stringify(input.profileIds))
    .run();
}

export async function recordUntagged(args: { ctx: TenantContext; input: { segmentId: string; profileIds: string[] } }): Promise<void> {
  const { ctx, input } = args;
  if (input.profileIds.length === 0) return;
  await ctx.d1
    .prepare(`DELETE FROM ${T.$table} WHERE ${T.tenantId} = ?1 AND ${T.segmentId} = ?2 AND ${T.profileId} IN (SELECT value FROM json_each(?3))`)
    .bind(ctx.tenantId, input.segmentId, JSON.stringify(input.profileIds))
    .run();
}
