import type { CompiledSegment } from "./dsl/index.ts";

export type Statement = { sql: string; params: (string | number)[] };

const DAY_MS = 86_400_000;
const CURRENT = "tenant_id = ? AND segment_id = ? AND left_at IS NULL";

/**
 * The recompute as one D1 batch (one transaction) around the compiled member query: members no longer selected
 * get `left_at`, newly selected ones a new stay, then the size point and the segment's count. Nothing but counts
 * comes back. Pure, so the benchmark runs exactly these statements.
 */
export function recomputeStatements(members: CompiledSegment, input: { tenantId: string; segmentId: string; now: number }): Statement[] {
  const { sql, params } = members;
  const { tenantId: t, segmentId: s, now } = input;
  return [
    { sql: `UPDATE segment_memberships SET left_at = ? WHERE ${CURRENT} AND member_id NOT IN (${sql})`, params: [now, t, s, ...params] },
    {
      sql: `INSERT INTO segment_memberships (tenant_id, segment_id, member_id, entered_at)
         SELECT ?, ?, m.id, ? FROM (${sql}) m WHERE m.id NOT IN (SELECT member_id FROM segment_memberships WHERE ${CURRENT})`,
      params: [t, s, now, ...params, t, s],
    },
    // A point per change, and at least one a day, keeps the chart honest without a row per 15-minute run.
    {
      sql: `INSERT OR REPLACE INTO segment_sizes (tenant_id, segment_id, computed_at, size, entered, left)
         SELECT ?1, ?2, ?3, (SELECT count(*) FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND left_at IS NULL), e.n, l.n
         FROM (SELECT count(*) AS n FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND entered_at = ?3) e,
              (SELECT count(*) AS n FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND left_at = ?3) l
         WHERE e.n + l.n > 0 OR NOT EXISTS (SELECT 1 FROM segment_sizes WHERE segment_id = ?2 AND computed_at > ?4)`,
      params: [t, s, now, now - DAY_MS],
    },
    {
      sql: `UPDATE segments SET last_computed_at = ?3,
           member_count = (SELECT count(*) FROM segment_memberships WHERE tenant_id = ?1 AND segment_id = ?2 AND left_at IS NULL)
         WHERE tenant_id = ?1 AND id = ?2`,
      params: [t, s, now],
    },
    { sql: "SELECT member_count AS size FROM segments WHERE tenant_id = ? AND id = ?", params: [t, s] },
  ];
}

/** Reads the batch's results: who left (first statement), who entered (second), and the size (last). */
export function recomputeCounts(results: { meta: { changes: number }; results: unknown[] }[]): { size: number; entered: number; left: number } {
  return {
    left: results[0]?.meta.changes ?? 0,
    entered: results[1]?.meta.changes ?? 0,
    size: (results[4]?.results[0] as { size: number } | undefined)?.size ?? 0,
  };
}
