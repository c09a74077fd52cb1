import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../deps.ts";
import { parseSegment, type SegmentError } from "./dsl/index.ts";
import { announceMembershipChanges } from "./announce-membership-changes.ts";
import { compileMembers } from "./read-segment-query.ts";
import type { SegmentRow } from "./segment-view.ts";

export type RecomputeOutcome = { segmentId: string; computedAt: number; size: number; entered: number; left: number };

const DAY_MS = 86_400_000;
const CURRENT = "tenant_id = ? AND segment_id = ? AND left_at IS NULL";

/**
 * Runs the compiled member query and diffs it against current memberships inside D1, in one transaction: members
 * no longer selected get `left_at`, newly selected ones a new stay. Nothing but counts comes back to the Worker.
 */
export async function recomputeSegment(args: { ctx: TenantContext; input: { segment: SegmentRow; now?: number } }): Promise<Result<RecomputeOutcome, SegmentError>> {
  const { ctx, input } = args;
  const { segment } = input;
  const now = input.now ?? Date.now();
  const ast = parseSegment(segment.queryJson, segment.kind);
  if (!ast.ok) return err(ast.error);
  const members = compileMembers(ast.value, segment.kind, ctx.tenantId, now);
  if (!members.ok) return err(members.error);
  const { sql, params } = members.value;
  const db = ctx.env.DB;
  const t = ctx.tenantId;
  const s = segment.id;

  const [leftResult, enteredResult, , , sizeRow] = await db.batch([
    db.prepare(`UPDATE segment_memberships SET left_at = ? WHERE ${CURRENT} AND member_id NOT IN (${sql})`).bind(now, t, s, ...params),
    db
      .prepare(
        `INSERT INTO segment_memberships (tenant_id, segment_id, member_id, entered_at)
         SELECT ?, ?, m.id, ? FROM (${sql}) m WHERE m.id NOT IN (SELECT member_id FROM segment_memberships WHERE ${CURRENT})`,
      )
      .bind(t, s, now, ...params, t, s),
    // A point per change, and at least one a day, keeps the chart honest without a row per 15-minute run.
    db
      .prepare(
        `INSERT OR REPLACE INTO segment_sizes (tenant_id, segment_id, computed_at, size, entered, left)
         SELECT ?1, ?2, ?3, (SELECT count(*) FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND left_at IS NULL), e.n, l.n
         FROM (SELECT count(*) AS n FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND entered_at = ?3) e,
              (SELECT count(*) AS n FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND left_at = ?3) l
         WHERE e.n + l.n > 0 OR NOT EXISTS (SELECT 1 FROM segment_sizes WHERE segment_id = ?2 AND computed_at > ?4)`,
      )
      .bind(t, s, now, now - DAY_MS),
    db
      .prepare(
        `UPDATE segments SET last_computed_at = ?3,
           member_count = (SELECT count(*) FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND left_at IS NULL)
         WHERE tenant_id = ?1 AND id = ?2`,
      )
      .bind(t, s, now),
    db.prepare("SELECT member_count AS size FROM segments WHERE tenant_id = ? AND id = ?").bind(t, s),
  ]);
  const outcome: RecomputeOutcome = {
    segmentId: s,
    computedAt: now,
    size: (sizeRow?.results[0] as { size: number } | undefined)?.size ?? 0,
    entered: enteredResult?.meta.changes ?? 0,
    left: leftResult?.meta.changes ?? 0,
  };
  await announceMembershipChanges({ ctx, input: { segment, outcome } });
  return ok(outcome);
}
