import { printRows } from "./print-rows.ts";

// The fields printed here of `TenantMoveView` (worker/services/shards/describe-tenant-moves.ts): this script runs in
// Node, where the worker's modules and their Workers types do not typecheck.
type TableFigures = { copied?: number; repaired?: number; sourceRows?: number; targetRows?: number; sourceDigest?: string; targetDigest?: string; deleted?: number };
export type MoveView = {
  id: string;
  tenantId: string;
  fromShard: string;
  toShard: string;
  phase: string;
  tableIndex: number;
  rowsCopied: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  tables: Record<string, TableFigures>;
  copyRowsPerSecond: number | null;
  frozenMs: number | null;
};

/** What `GET /ops/tenant/where` answers (worker/routes/ops/tenant-moves.ts). */
export type OpsTenantWhere = { tenantId: string; entry: { shard: string; state: string; updatedAt: string } | null; moves: MoveView[] };

export const moveLine = (m: MoveView) =>
  `move ${m.id}: ${m.fromShard} → ${m.toShard}, ${m.phase}, ${m.rowsCopied} rows copied` +
  `${m.copyRowsPerSecond === null ? "" : ` (${m.copyRowsPerSecond} rows/s)`}${m.frozenMs === null ? "" : `, frozen ${(m.frozenMs / 1_000).toFixed(1)} s`}${m.error ? ` — ${m.error}` : ""}`;

export function printMoves(moves: MoveView[]): void {
  printRows(
    moves.map((m) => ({ ...m, copyRowsPerSecond: m.copyRowsPerSecond ?? "", frozenS: m.frozenMs === null ? "" : (m.frozenMs / 1_000).toFixed(1) })),
    ["id", "tenantId", "fromShard", "toShard", "phase", "rowsCopied", "copyRowsPerSecond", "frozenS", "createdAt", "finishedAt", "error"],
  );
}

/** The directory entry, then the latest move table by table (rows copied, repaired, counted on each side, deleted). */
export function printWhere(where: OpsTenantWhere): void {
  const entry = where.entry;
  console.log(entry ? `tenant ${where.tenantId}: on ${entry.shard} (${entry.state}) since ${entry.updatedAt}` : `tenant ${where.tenantId}: no directory entry`);
  const latest = where.moves[0];
  if (!latest) return;
  console.log(moveLine(latest));
  printRows(
    Object.entries(latest.tables).map(([table, t]) => ({ table, ...t, digests: t.sourceDigest === undefined ? "" : t.sourceDigest === t.targetDigest ? "equal" : "DIFFER" })),
    ["table", "copied", "repaired", "sourceRows", "targetRows", "digests", "deleted"],
  );
}
