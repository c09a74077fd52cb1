import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestampMs, updatedAt } from "./columns.ts";

export const MOVE_PHASES = ["copy", "freeze", "settle", "catch_up", "verify", "switch", "cleanup", "done", "failed"] as const;
export type MovePhase = (typeof MOVE_PHASES)[number];

/**
 * A tenant's move between D1 shards (control database): the phase, where in which table it is, and what it copied and
 * verified, so a crashed step resumes where the last finished one stopped. `step` counts finished steps: a step
 * message names the step it runs, so a second copy of one can never run ahead (worker/services/shards/).
 */
export const tenantMovesTable = sqliteTable(
  "tenant_moves",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    fromShard: text("from_shard").notNull(),
    toShard: text("to_shard").notNull(),
    phase: text("phase", { enum: MOVE_PHASES }).notNull(),
    step: integer("step").notNull().default(0),
    /** Until when the step under way holds the move; a crashed step's lease runs out and the move resumes. */
    leasedUntil: timestampMs("leased_until"),
    /** Index into the ordered data tables of the phase under way, and the last rowid done there on the side it walks. */
    tableIndex: integer("table_index").notNull().default(0),
    cursor: text("cursor"),
    /** Per table: rows copied, rows repaired by the catch-up, source/target counts and digests (JSON). */
    tables: text("tables").notNull().default("{}"),
    rowsCopied: integer("rows_copied").notNull().default(0),
    error: text("error"),
    frozenAt: timestampMs("frozen_at"),
    switchedAt: timestampMs("switched_at"),
    finishedAt: timestampMs("finished_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // One open move per tenant: running the command again resumes it rather than starting a second copy.
  (t) => [uniqueIndex("tenant_moves_open_idx").on(t.tenantId).where(sql`${t.finishedAt} is null`)],
);
