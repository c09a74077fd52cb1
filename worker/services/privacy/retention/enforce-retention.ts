import { and, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { PrivacyMessage } from "../../../../queues/messages.ts";
import type { Deps, TenantContext } from "../../../context/deps.ts";
import type { Db } from "../../../db/client.ts";
import { deadLettersTable, deliveriesTable, eventsTable, idempotencyKeysTable, ingestPayloadsTable, quarantineTable, tenantSettingsTable } from "../../../db/schema/index.ts";
import { forTenant } from "../../../context/deps.ts";
import { archiveEvents } from "../archive/archive-events.ts";
import { dayOf } from "../archive/archive-layout.ts";
import { deleteExpiredArchiveDays } from "../archive/delete-archive.ts";
import { deleteInBatches, newWorkBudget, useQuery, type WorkBudget } from "../work-budget.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_EVENT_RETENTION_DAYS = 400;
/** Raw bodies (deliveries, quarantine, dead letters) are kept this long for operators, then deleted. */
export const RAW_RETENTION_DAYS = 30;
/** A spilled payload outlives its queue message only if the message was lost: queues keep messages 4 days. */
const ORPHAN_PAYLOAD_DAYS = 4;

type RetentionMessage = Extract<PrivacyMessage, { type: "retention" }>;

async function eventRetentionDays(ctx: TenantContext): Promise<number> {
  const row = await ctx.db.select({ days: tenantSettingsTable.eventRetentionDays }).from(tenantSettingsTable).where(eq(tenantSettingsTable.tenantId, ctx.tenantId)).get();
  return row?.days ?? DEFAULT_EVENT_RETENTION_DAYS;
}

/** A table to trim, on the database that holds it (control or the tenant's shard). */
type Task = [name: string, on: { db: Db }, table: SQLiteTable, where: SQL];

async function tenantTasks(ctx: TenantContext, now: number): Promise<Task[]> {
  const { tenantId } = ctx;
  const rawCutoff = new Date(now - RAW_RETENTION_DAYS * DAY_MS);
  const eventCutoff = new Date(now - (await eventRetentionDays(ctx)) * DAY_MS);
  return [
    ["events", ctx, eventsTable, and(eq(eventsTable.tenantId, tenantId), lt(eventsTable.occurredAt, eventCutoff))!],
    ["deliveries", ctx, deliveriesTable, and(eq(deliveriesTable.tenantId, tenantId), lt(deliveriesTable.receivedAt, rawCutoff))!],
    ["quarantine", ctx, quarantineTable, and(eq(quarantineTable.tenantId, tenantId), lt(quarantineTable.receivedAt, rawCutoff))!],
    ["dead_letters", ctx.control, deadLettersTable, and(eq(deadLettersTable.tenantId, tenantId), lt(deadLettersTable.receivedAt, rawCutoff))!],
    ["idempotency_keys", ctx, idempotencyKeysTable, and(eq(idempotencyKeysTable.tenantId, tenantId), lt(idempotencyKeysTable.createdAt, new Date(now - DAY_MS)))!],
  ];
}

// Rows no tenant owns were stored before a tenant was known: in the control database.
function unownedTasks(ctx: Deps, now: number): Task[] {
  const rawCutoff = new Date(now - RAW_RETENTION_DAYS * DAY_MS);
  const orphanCutoff = new Date(now - ORPHAN_PAYLOAD_DAYS * DAY_MS);
  const p = ingestPayloadsTable;
  const neededByDeadLetter = sql`exists (select 1 from ${deadLettersTable} where instr(${deadLettersTable.body}, ${p.id}) > 0)`;
  return [
    ["deliveries", ctx, deliveriesTable, and(isNull(deliveriesTable.tenantId), lt(deliveriesTable.receivedAt, rawCutoff))!],
    ["quarantine", ctx, quarantineTable, and(isNull(quarantineTable.tenantId), lt(quarantineTable.receivedAt, rawCutoff))!],
    ["dead_letters", ctx, deadLettersTable, and(isNull(deadLettersTable.tenantId), lt(deadLettersTable.receivedAt, rawCutoff))!],
    ["ingest_payloads", ctx, p, or(lt(p.createdAt, rawCutoff), and(lt(p.createdAt, orphanCutoff), sql`not ${neededByDeadLetter}`))!],
  ];
}

/**
 * The nightly retention for one tenant (or, `tenantId` null, for rows no tenant owns): events past the hot window
 * moved to the R2 archive first, then events past the tenant's retention, raw bodies past 30 days, orphaned spilled
 * payloads, and archive days past the retention. Bounded per message; what is left goes to the back
 * of the queue as a continuation, so a large tenant takes turns with the others instead of stalling them.
 */
export async function enforceRetention(args: { ctx: Deps; input: RetentionMessage & { budget?: WorkBudget } }): Promise<{ deleted: Record<string, number>; done: boolean }> {
  const { ctx, input } = args;
  const { budget: given, ...message } = input;
  const budget = given ?? newWorkBudget();
  useQuery(budget);
  const deleted: Record<string, number> = {};
  const continueLater = async () => {
    await ctx.env.PRIVACY_QUEUE.send(message satisfies PrivacyMessage);
    ctx.log.info("retention continues", { tenant: input.tenantId, ...deleted });
    return { deleted, done: false };
  };
  // Archive first: events past the hot window reach R2 (and their profiles' counts) before retention deletes any.
  const tenant = input.tenantId ? await forTenant(ctx, input.tenantId) : null;
  if (tenant) {
    const archived = await archiveEvents({ ctx: tenant, input: { now: input.now, budget } });
    deleted.archived = archived.archived;
    // A duplicate delivery already works on this tenant and sends its own continuation.
    if (archived.busy) return { deleted, done: true };
    if (!archived.done) return continueLater();
  }
  const tasks = tenant ? await tenantTasks(tenant, input.now) : unownedTasks(ctx, input.now);
  for (const [name, on, table, where] of tasks) {
    const progress = await deleteInBatches({ ctx: on, input: { budget, table, where } });
    deleted[name] = progress.deleted;
    if (!progress.done) return continueLater();
  }
  if (tenant) {
    const before = dayOf(input.now - (await eventRetentionDays(tenant)) * DAY_MS);
    const expired = await deleteExpiredArchiveDays({ ctx: tenant, input: { before, budget } });
    deleted.archive_files = expired.deleted;
    if (!expired.done) return continueLater();
  }
  if (Object.values(deleted).some((count) => count > 0)) ctx.log.info("retention done", { tenant: input.tenantId, ...deleted });
  return { deleted, done: true };
}
