import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { tenantMovesTable } from "../../db/schema/index.ts";
import { errorMessage } from "../../lib/log.ts";
import { catchUpTables, verifyTables } from "./compare-tables.ts";
import { copyTables } from "./copy-tables.ts";
import { deleteSourceRows } from "./delete-source-rows.ts";
import { freezeTenant, SETTLE_MS, switchTenantShard, unfreezeTenant } from "./directory.ts";
import type { MoveContext } from "./move-context.ts";
import { isFinished, loadMove, parseTables, type StepOutcome, type TenantMove } from "./move-record.ts";
import { newStepBudget, STEP_MS } from "./walk-tables.ts";

/** How long a step holds its move: several times a step's budget, so only a crashed step's lease runs out. */
export const LEASE_MS = 6 * STEP_MS;

/** The move's step is held by another message, or that message's step is not recorded yet: retry later. */
export class MoveBusyError extends Error {
  constructor(moveId: string, step: number) {
    super(`Tenant move ${moveId} is busy with step ${step} or before it; retrying.`);
    this.name = "MoveBusyError";
  }
}

export type StepResult = "ran" | "stale";

const waitSeconds = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 1_000));

async function runPhase(ctx: MoveContext, move: TenantMove, now: number, batches: number | undefined): Promise<StepOutcome> {
  const { tenantId, fromShard: from, toShard: to } = move;
  const tables = parseTables(move);
  const stay = { tableIndex: move.tableIndex, cursor: move.cursor, tables };
  const sides = { source: ctx.shard(from), target: ctx.shard(to) };
  const budget = newStepBudget(Date.now(), batches);
  switch (move.phase) {
    case "copy":
      return copyTables({ ctx: sides, input: { move, tables, budget } });
    case "freeze":
      if (!(await freezeTenant({ ctx, input: { tenantId, shard: from, now } }))) return { phase: "failed", ...stay, error: `the directory no longer names ${from}` };
      return { phase: "settle", ...stay, frozenAt: new Date(now), delaySeconds: waitSeconds(now + SETTLE_MS, now) };
    case "settle": {
      const settled = (move.frozenAt?.getTime() ?? now) + SETTLE_MS;
      return now < settled ? { phase: "settle", ...stay, delaySeconds: waitSeconds(settled, now) } : { phase: "catch_up", ...stay };
    }
    case "catch_up":
      return catchUpTables({ ctx: sides, input: { move, tables, budget } });
    case "verify": {
      const verified = await verifyTables({ ctx: sides, input: { move, tables, budget } });
      if (verified.phase === "failed") await unfreezeTenant({ ctx, input: { tenantId, shard: from, now } });
      return verified;
    }
    case "switch":
      if (!(await switchTenantShard({ ctx, input: { tenantId, from, to, now } }))) {
        await unfreezeTenant({ ctx, input: { tenantId, shard: from, now } });
        return { phase: "failed", ...stay, error: `the directory no longer names ${from} frozen; not switched` };
      }
      return { phase: "cleanup", tableIndex: 0, cursor: null, tables, switchedAt: new Date(now), delaySeconds: waitSeconds(now + SETTLE_MS, now) };
    case "cleanup": {
      // Isolates that cached the old entry still read the source until their entry expires.
      const settled = (move.switchedAt?.getTime() ?? now) + SETTLE_MS;
      if (now < settled) return { phase: "cleanup", ...stay, delaySeconds: waitSeconds(settled, now) };
      return deleteSourceRows({ ctx: sides, input: { move, tables, budget } });
    }
    case "done":
    case "failed":
      return { phase: move.phase, ...stay };
  }
}

/** Takes the move's lease for `step`; null when the step already ran (or the move ended), so the message is dropped. */
async function claimStep(ctx: MoveContext, input: { moveId: string; step: number; now: number }): Promise<TenantMove | null> {
  const m = tenantMovesTable;
  const claimed = await ctx.db
    .update(m)
    .set({ leasedUntil: new Date(input.now + LEASE_MS) })
    .where(and(eq(m.id, input.moveId), eq(m.step, input.step), isNull(m.finishedAt), or(isNull(m.leasedUntil), lt(m.leasedUntil, new Date(input.now)))))
    .returning()
    .get();
  if (claimed) return claimed;
  const move = await loadMove({ ctx, input: { moveId: input.moveId } });
  if (!move || move.finishedAt || move.step > input.step) return null;
  throw new MoveBusyError(input.moveId, input.step);
}

/**
 * Runs one bounded step of a tenant move and sends the next. Every step is safe to run again (copies replace by
 * key, the freeze and the switch are conditional updates, the cleanup deletes what is left), and only the message
 * naming the move's current step runs, under a lease: a duplicate waits or is dropped, a crashed step is re-run
 * once its lease runs out. The next step is sent before this one is recorded, so a crash in between loses nothing.
 * `batches` caps the batches this step reads (tests take small steps).
 */
export async function runMoveStep(args: { ctx: MoveContext; input: { moveId: string; step: number; now?: number; batches?: number } }): Promise<StepResult> {
  const { ctx, input } = args;
  const now = input.now ?? Date.now();
  const move = await claimStep(ctx, { moveId: input.moveId, step: input.step, now });
  if (!move) return "stale";
  let outcome: StepOutcome;
  try {
    outcome = await runPhase(ctx, move, now, input.batches);
  } catch (error) {
    await ctx.db.update(tenantMovesTable).set({ leasedUntil: null }).where(and(eq(tenantMovesTable.id, move.id), eq(tenantMovesTable.step, move.step)));
    ctx.log.warn("tenant move step failed", { moveId: move.id, phase: move.phase, step: move.step, error: errorMessage(error) });
    throw error;
  }
  const finished = isFinished(outcome.phase);
  if (!finished) await ctx.sendStep({ moveId: move.id, step: move.step + 1 }, outcome.delaySeconds ?? 0);
  await ctx.db
    .update(tenantMovesTable)
    .set({
      phase: outcome.phase,
      tableIndex: outcome.tableIndex,
      cursor: outcome.cursor,
      tables: JSON.stringify(outcome.tables),
      rowsCopied: outcome.rowsCopied ?? move.rowsCopied,
      error: outcome.error ?? null,
      frozenAt: outcome.frozenAt ?? move.frozenAt,
      switchedAt: outcome.switchedAt ?? move.switchedAt,
      finishedAt: finished ? new Date(Date.now()) : null,
      step: sql`${tenantMovesTable.step} + 1`,
      leasedUntil: null,
      updatedAt: new Date(Date.now()),
    })
    .where(and(eq(tenantMovesTable.id, move.id), eq(tenantMovesTable.step, move.step)));
  if (outcome.phase !== move.phase) ctx.log.info("tenant move phase", { moveId: move.id, tenantId: move.tenantId, from: move.phase, to: outcome.phase, rowsCopied: outcome.rowsCopied ?? move.rowsCopied });
  return "ran";
}
