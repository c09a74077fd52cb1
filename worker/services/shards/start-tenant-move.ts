import { and, eq, isNull } from "drizzle-orm";
import { tenantMovesTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { readDirectoryEntry } from "./directory.ts";
import { isMoveTarget, type MoveContext } from "./move-context.ts";
import type { TenantMove } from "./move-record.ts";

export type StartMoveError =
  | { reason: "unknown_shard" }
  | { reason: "no_directory_entry" }
  | { reason: "already_there"; shard: string }
  | { reason: "other_move_open"; move: TenantMove };

export type StartedMove = { move: TenantMove; resumed: boolean };

async function openMove(ctx: Pick<MoveContext, "db">, tenantId: string): Promise<TenantMove | null> {
  const m = tenantMovesTable;
  return (await ctx.db.select().from(m).where(and(eq(m.tenantId, tenantId), isNull(m.finishedAt))).get()) ?? null;
}

/**
 * Starts moving a tenant's data to shard `to`, or resumes its open move there: the move's current step is sent
 * again, and the step's lease and number make sure only one copy of it runs. A move to another shard must end first.
 */
export async function startTenantMove(args: { ctx: MoveContext; input: { tenantId: string; to: string; now: number } }): Promise<Result<StartedMove, StartMoveError>> {
  const { ctx, input } = args;
  if (!isMoveTarget(ctx.env, input.to)) return err({ reason: "unknown_shard" });
  const open = await openMove(ctx, input.tenantId);
  if (open && open.toShard !== input.to) return err({ reason: "other_move_open", move: open });
  if (open) {
    await ctx.sendStep({ moveId: open.id, step: open.step }, 0);
    return ok({ move: open, resumed: true });
  }
  const entry = await readDirectoryEntry({ ctx, input: { tenantId: input.tenantId } });
  if (!entry) return err({ reason: "no_directory_entry" });
  if (entry.shard === input.to) return err({ reason: "already_there", shard: entry.shard });
  const now = new Date(input.now);
  const created = await ctx.db
    .insert(tenantMovesTable)
    .values({ id: newId("tenantMove", input.now), tenantId: input.tenantId, fromShard: entry.shard, toShard: input.to, phase: "copy", createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning()
    .get();
  // Another operator's command created it a moment before: that one is the move.
  const move = created ?? (await openMove(ctx, input.tenantId));
  if (!move) throw new Error(`Tenant move of ${input.tenantId} was neither created nor found.`);
  await ctx.sendStep({ moveId: move.id, step: move.step }, 0);
  return ok({ move, resumed: !created });
}
