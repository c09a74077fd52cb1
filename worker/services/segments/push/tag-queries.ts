import type { TenantContext } from "../../../context/deps.ts";

/** Rows of the tag diff, read a page at a time in `profile_id` order so a run can resume after the last one. */
export type TagDiffRow = { profileId: string; customerId: string | null; tag: string | null };

export const TAGS_PER_CALL = 25;

export async function missingTags(args: { ctx: TenantContext; input: { segmentId: string; after: string } }): Promise<TagDiffRow[]> {
  const { ctx, input } = args;
  const { results } = await ctx.d1
    .prepare(
      `SELECT m.member_id AS profileId, p.shopify_customer_id AS customerId, NULL AS tag
       FROM segment_memberships m JOIN profiles p ON p.tenant_id = m.tenant_id AND p.id = m.member_id
       WHERE m.tenant_id = ?1 AND m.segment_id = ?2 AND m.left_at IS NULL AND m.member_id > ?3 AND p.redacted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM segment_tags t WHERE t.segment_id = ?2 AND t.profile_id = m.member_id)
       ORDER BY m.member_id LIMIT ?4`,
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
      `SELECT t.profile_id AS profileId, p.shopify_customer_id AS customerId, t.tag AS tag
       FROM segment_tags t LEFT JOIN profiles p ON p.tenant_id = t.tenant_id AND p.id = t.profile_id AND p.redacted_at IS NULL
       WHERE t.tenant_id = ?1 AND t.segment_id = ?2 AND t.profile_id > ?3
         AND (?4 = 0 OR p.id IS NULL OR NOT EXISTS (
           SELECT 1 FROM segment_memberships m WHERE m.tenant_id = ?1 AND m.segment_id = ?2 AND m.left_at IS NULL AND m.member_id = t.profile_id))
       ORDER BY t.profile_id LIMIT ?5`,
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
      `INSERT INTO segment_tags (tenant_id, segment_id, profile_id, tag, pushed_at)
       SELECT ?1, ?2, j.value, ?3, ?4 FROM json_each(?5) j WHERE true
       ON CONFLICT (segment_id, profile_id) DO UPDATE SET tag = excluded.tag, pushed_at = excluded.pushed_at`,
    )
    .bind(ctx.tenantId, input.segmentId, input.tag, input.now, JSON.stringify(input.profileIds))
    .run();
}

export async function recordUntagged(args: { ctx: TenantContext; input: { segmentId: string; profileIds: string[] } }): Promise<void> {
  const { ctx, input } = args;
  if (input.profileIds.length === 0) return;
  await ctx.d1
    .prepare("DELETE FROM segment_tags WHERE tenant_id = ?1 AND segment_id = ?2 AND profile_id IN (SELECT value FROM json_each(?3))")
    .bind(ctx.tenantId, input.segmentId, JSON.stringify(input.profileIds))
    .run();
}
