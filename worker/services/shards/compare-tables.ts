import { figuresOf, type MoveTables, type StepOutcome, type TenantMove } from "./move-record.ts";
import { addToDigest, deleteByKeys, selectByKeys, selectRows, upsertRows, type MoveRow } from "./table-sql.ts";
import { passComplete, rowidAfter, walkTables, type MoveSides, type StepBudget } from "./walk-tables.ts";

type CompareInput = { move: TenantMove; tables: MoveTables; budget: StepBudget };

/**
 * The catch-up, with the tenant frozen: every source row, in the source's rowid order, is looked up on the target by
 * its primary key and written again where it is missing or differs. The source's rows are counted and hashed here.
 */
export async function catchUpTables(args: { ctx: MoveSides; input: CompareInput }): Promise<StepOutcome> {
  const { source, target } = args.ctx;
  const { move, tables, budget } = args.input;
  const position = await walkTables({ tableIndex: move.tableIndex, cursor: move.cursor }, budget, async (table, after) => {
    const figures = figuresOf(tables, table.name);
    if (after === null) Object.assign(figures, { sourceRows: 0, sourceDigest: undefined });
    const fromSource = (await selectRows(source, table, move.tenantId, rowidAfter(after), table.batchRows).all<MoveRow>()).results;
    if (fromSource.length > 0) {
      const onTarget = new Map((await selectByKeys(target, table, move.tenantId, fromSource.map((row) => row.k)).all<MoveRow>()).results.map((row) => [row.k, row.r]));
      const stale = fromSource.filter((row) => onTarget.get(row.k) !== row.r).map((row) => row.r);
      if (stale.length > 0) await target.batch(upsertRows(target, table, stale));
      figures.repaired = (figures.repaired ?? 0) + stale.length;
    }
    figures.sourceRows = (figures.sourceRows ?? 0) + fromSource.length;
    figures.sourceDigest = await addToDigest(figures.sourceDigest, fromSource.map((row) => row.r));
    return fromSource.length < table.batchRows ? null : String(fromSource[fromSource.length - 1]!.n);
  });
  if (passComplete(position)) return { phase: "verify", tableIndex: 0, cursor: null, tables };
  return { phase: "catch_up", ...position, tables };
}

/** The tables whose counts or digests differ, as the error a failed move reports. */
export function mismatches(tables: MoveTables): string[] {
  return Object.entries(tables)
    .filter(([, t]) => t.sourceRows !== t.targetRows || t.sourceDigest !== t.targetDigest)
    .map(([name, t]) => `${name}: ${t.sourceRows ?? 0} rows on the source, ${t.targetRows ?? 0} on the target${t.sourceRows === t.targetRows ? ", digests differ" : ""}`);
}

/**
 * Verify, with the tenant frozen and the catch-up done: every target row, in the target's rowid order, is looked up
 * on the source by its primary key; rows the source no longer has (deleted since they were copied) are deleted, the
 * rest counted and hashed as the target holds them. Counts and digests must then equal the source's, or the move
 * fails without switching.
 */
export async function verifyTables(args: { ctx: MoveSides; input: CompareInput }): Promise<StepOutcome> {
  const { source, target } = args.ctx;
  const { move, tables, budget } = args.input;
  const position = await walkTables({ tableIndex: move.tableIndex, cursor: move.cursor }, budget, async (table, after) => {
    const figures = figuresOf(tables, table.name);
    if (after === null) Object.assign(figures, { targetRows: 0, targetDigest: undefined });
    const fromTarget = (await selectRows(target, table, move.tenantId, rowidAfter(after), table.batchRows).all<MoveRow>()).results;
    let kept = fromTarget;
    if (fromTarget.length > 0) {
      const onSource = new Set((await selectByKeys(source, table, move.tenantId, fromTarget.map((row) => row.k)).all<MoveRow>()).results.map((row) => row.k));
      const gone = fromTarget.filter((row) => !onSource.has(row.k)).map((row) => row.k);
      if (gone.length > 0) await deleteByKeys(target, table, move.tenantId, gone).run();
      kept = fromTarget.filter((row) => onSource.has(row.k));
      figures.pruned = (figures.pruned ?? 0) + gone.length;
    }
    figures.targetRows = (figures.targetRows ?? 0) + kept.length;
    figures.targetDigest = await addToDigest(figures.targetDigest, kept.map((row) => row.r));
    return fromTarget.length < table.batchRows ? null : String(fromTarget[fromTarget.length - 1]!.n);
  });
  if (!passComplete(position)) return { phase: "verify", ...position, tables };
  const differ = mismatches(tables);
  if (differ.length > 0) return { phase: "failed", tableIndex: 0, cursor: null, tables, error: `verify failed, the tenant stays on ${move.fromShard}: ${differ.join("; ")}` };
  return { phase: "switch", tableIndex: 0, cursor: null, tables };
}
