import { figuresOf, type MoveTables, type StepOutcome, type TenantMove } from "./move-record.ts";
import { selectRows, upsertRows, type MoveRow } from "./table-sql.ts";
import { passComplete, rowidAfter, walkTables, type MoveSides, type StepBudget } from "./walk-tables.ts";

/**
 * The bulk copy, while ingestion keeps writing to the source: the tenant's rows of each data table in the source's
 * rowid order, a batch at a time, written to the target by primary key. A batch copied twice (a retried step) is
 * still one copy, and what changes behind the copy is caught up after the freeze.
 */
export async function copyTables(args: { ctx: MoveSides; input: { move: TenantMove; tables: MoveTables; budget: StepBudget } }): Promise<StepOutcome> {
  const { source, target } = args.ctx;
  const { move, tables, budget } = args.input;
  let rowsCopied = move.rowsCopied;
  const position = await walkTables({ tableIndex: move.tableIndex, cursor: move.cursor }, budget, async (table, after) => {
    const { results } = await selectRows(source, table, move.tenantId, rowidAfter(after), table.batchRows).all<MoveRow>();
    if (results.length > 0) await target.batch(upsertRows(target, table, results.map((row) => row.r)));
    const figures = figuresOf(tables, table.name);
    figures.copied = (figures.copied ?? 0) + results.length;
    rowsCopied += results.length;
    return results.length < table.batchRows ? null : String(results[results.length - 1]!.n);
  });
  if (passComplete(position)) return { phase: "freeze", tableIndex: 0, cursor: null, tables, rowsCopied };
  return { phase: "copy", ...position, tables, rowsCopied };
}
