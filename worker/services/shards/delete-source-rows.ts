import { figuresOf, type MoveTables, type StepOutcome, type TenantMove } from "./move-record.ts";
import { deleteSome } from "./table-sql.ts";
import { passComplete, walkTables, type MoveSides, type StepBudget } from "./walk-tables.ts";

const DELETE_ROWS = 1_000;
// A table still being emptied; the cleanup keeps no key, it deletes whatever of the tenant is left.
const MORE = "more";

/** After the switch: the tenant's rows deleted from the source, a bounded batch at a time, table by table. */
export async function deleteSourceRows(args: { ctx: Pick<MoveSides, "source">; input: { move: TenantMove; tables: MoveTables; budget: StepBudget } }): Promise<StepOutcome> {
  const { source } = args.ctx;
  const { move, tables, budget } = args.input;
  const position = await walkTables({ tableIndex: move.tableIndex, cursor: move.cursor }, budget, async (table) => {
    const { meta } = await deleteSome(source, table, move.tenantId, DELETE_ROWS).run();
    const figures = figuresOf(tables, table.name);
    figures.deleted = (figures.deleted ?? 0) + meta.changes;
    return meta.changes < DELETE_ROWS ? null : MORE;
  });
  if (passComplete(position)) return { phase: "done", tableIndex: 0, cursor: null, tables };
  return { phase: "cleanup", ...position, tables };
}
