import { segmentMembershipsTable, segmentSizesTable, segmentsTable } from "../../db/schema/index.ts";
import { tableNames } from "../../db/sql-names.ts";
import { MEMBER_ID, type CompiledSegment } from "./dsl/index.ts";

export type Statement = { sql: string; params: (string | number)[] };

const DAY_MS = 86_400_000;
const M = tableNames(segmentMembershipsTable);
const Z = tableNames(segmentSizesTable);
const S = tableNames(segmentsTable);
const CURRENT = `${M.tenantId} = ? AND ${M.segmentId} = ? AND ${M.leftAt} IS NULL`;

/**
 * The recompute as one D1 batch (one transaction) around the compiled member query: members no longer selected
 * get `left_at`, newly selected ones a new stay, then the size point and the segment's count. Nothing but counts
 * comes back. Pure, so the benchmark runs exactly these statements.
 */
export function recomputeStatements(members: CompiledSegment, input: { tenantId: string; segmentId: string; now: number }): Statement[] {
  const { sql, params } = members;
  const { tenantId: t, segmentId: s, now } = input;
  return [
    { sql: `UPDATE ${M.$table} SET ${M.leftAt} = ? WHERE ${CURRENT} AND ${M.memberId} NOT IN (${sql})`, params: [now, t, s, ...params] },
    {
      sql: `INSERT INTO ${M.$table} (${M.tenantId}, ${M.segmentId}, ${M.memberId}, ${M.enteredAt})
         SELECT ?, ?, m.${MEMBER_ID}, ? FROM (${sql}) m WHERE m.${MEMBER_ID} NOT IN (SELECT ${M.memberId} FROM ${M.$table} WHERE ${CURRENT})`,
      params: [t, s, now, ...params, t, s],
    },
    // A point per change, and at least one a day, keeps the chart honest without a row per 15-minute run.
    {
      sql: `INSERT OR REPLACE INTO ${Z.$table} (${Z.tenantId}, ${Z.segmentId}, ${Z.computedAt}, ${Z.size}, ${Z.entered}, ${Z.left})
         SELECT ?1, ?2, ?3, (SELECT count(*) FROM ${M.$table} WHERE ${M.tenantId} = ?1 AND ${M.segmentId} = ?2 AND ${M.leftAt} IS NULL), e.n, l.n
         FROM (SELECT count(*) AS n FROM ${M.$table} WHERE ${M.tenantId} = ?1 AND ${M.segmentId} = ?2 AND ${M.enteredAt} = ?3) e,
              (SELECT count(*) AS n FROM ${M.$table} WHERE ${M.tenantId} = ?1 AND ${M.segmentId} = ?2 AND ${M.leftAt} = ?3) l
         WHERE e.n + l.n > 0 OR NOT EXISTS (SELECT 1 FROM ${Z.$table} WHERE ${Z.segmentId} = ?2 AND ${Z.computedAt} > ?4)`,
      params: [t, s, now, now - DAY_MS],
    },
    {
      sql: `UPDATE ${S.$table} SET ${S.lastComputedAt} = ?3,
           ${S.memberCount} = (SELECT count(*) FROM ${M.$table} WHERE ${M.tenantId} = ?1 AND ${M.segmentId} = ?2 AND ${M.leftAt} IS NULL)
         WHERE ${S.tenantId} = ?1 AND ${S.id} = ?2`,
      params: [t, s, now],
    },
    { sql: `SELECT ${S.memberCount} AS size FROM ${S.$table} WHERE ${S.tenantId} = ? AND ${S.id} = ?`, params: [t, s] },
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
