import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { PrivacyMessage } from "../../../queues/messages.ts";
import type { Deps } from "../../context/deps.ts";
import { privacyRequestsTable } from "../../db/schema/index.ts";
import { errorMessage } from "../../lib/log.ts";
import { deleteExport } from "./redact/scrub-data-requests.ts";
import { runPrivacyRequest } from "./run-privacy-request.ts";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Shopify's deadline is 30 days from receipt; a request not done after 25 is flagged for operators and the merchant. */
export const AT_RISK_AFTER_MS = 25 * DAY_MS;
/** A running request whose slice has not moved for this long lost its queue message. */
const STALE_AFTER_MS = HOUR_MS;
/** Overdue requests are also run here, a small slice each, in case the queue itself is what keeps failing. */
const INLINE_OVERDUE = 5;
const INLINE_QUERIES = 100;
const SEND_BATCH = 100;

const p = privacyRequestsTable;

async function deleteExpiredExports(ctx: Deps, now: number): Promise<number> {
  const expired = await ctx.db
    .select({ id: p.id, export: p.export })
    .from(p)
    .where(and(eq(p.kind, "customers_data_request"), sql`json_extract(${p.export}, '$.deletedAt') is null`, sql`json_extract(${p.export}, '$.expiresAt') < ${now}`));
  for (const request of expired) {
    await deleteExport({ ctx, input: request.export });
    await ctx.db
      .update(p)
      .set({ payload: {}, shopifyCustomerId: null, export: { ...request.export!, deletedAt: now } })
      .where(eq(p.id, request.id));
  }
  return expired.length;
}

/**
 * The daily pass over privacy requests: sends again what failed or lost its message, runs a slice of the overdue
 * ones right here, flags what is 25 days old and not done, and deletes exports older than 30 days (scrubbing the
 * customer identifiers their request kept until then).
 */
export async function keepPrivacyDeadlines(args: { ctx: Deps; input: { now: number } }): Promise<Record<string, number>> {
  const { ctx, input } = args;
  const { now } = input;
  const open = await ctx.db
    .select({ id: p.id, status: p.status, dueAt: p.dueAt, updatedAt: p.updatedAt })
    .from(p)
    .where(
      and(
        ne(p.status, "completed"),
        or(eq(p.status, "failed"), isNull(p.updatedAt), lt(p.updatedAt, new Date(now - STALE_AFTER_MS)), lt(p.dueAt, new Date(now))),
      ),
    );
  const overdue = open.filter((request) => request.dueAt.getTime() < now).slice(0, INLINE_OVERDUE);
  for (const request of overdue) {
    try {
      await runPrivacyRequest({ ctx, input: { requestId: request.id, budget: { queriesLeft: INLINE_QUERIES, deadline: Date.now() + 10_000 } } });
    } catch (error) {
      ctx.log.warn("overdue privacy request failed again", { request: request.id, error: errorMessage(error) });
    }
  }
  const inlined = new Set(overdue.map((request) => request.id));
  const resend: PrivacyMessage[] = open.filter((request) => !inlined.has(request.id)).map((request) => ({ type: "privacy_request", requestId: request.id }));
  for (let i = 0; i < resend.length; i += SEND_BATCH) await ctx.env.PRIVACY_QUEUE.sendBatch(resend.slice(i, i + SEND_BATCH).map((body) => ({ body })));

  const flagged = await ctx.db
    .update(p)
    .set({ atRiskAt: new Date(now) })
    .where(and(ne(p.status, "completed"), isNull(p.atRiskAt), lt(p.receivedAt, new Date(now - AT_RISK_AFTER_MS))))
    .returning({ id: p.id, tenantId: p.tenantId, kind: p.kind, dueAt: p.dueAt });
  for (const request of flagged) {
    ctx.log.warn("privacy request at risk", { tenant: request.tenantId, request: request.id, kind: request.kind, dueAt: request.dueAt.toISOString() });
  }
  return { resent: resend.length, ranOverdue: overdue.length, flagged: flagged.length, exportsDeleted: await deleteExpiredExports(ctx, now) };
}

