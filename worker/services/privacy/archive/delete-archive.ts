import { and, asc, eq, lt } from "drizzle-orm";
import type { Deps, TenantContext } from "../../../context/deps.ts";
import { eventArchivePartsTable } from "../../../db/schema/index.ts";
import { spent, useQuery, type StepProgress, type WorkBudget } from "../work-budget.ts";
import { tenantPrefix } from "./archive-layout.ts";
import { listDayFiles } from "./read-archive.ts";

const a = eventArchivePartsTable;
const DAYS_PER_QUERY = 100;

/**
 * Retention in the archive: every day before `before` (YYYY-MM-DD) loses its files, whatever the manifest lists
 * (a file written by a run that died is listed too), then its manifest rows. Resumable: a day is forgotten last.
 */
export async function deleteExpiredArchiveDays(args: { ctx: TenantContext; input: { before: string; budget: WorkBudget } }): Promise<StepProgress> {
  const { ctx, input } = args;
  const { before, budget } = input;
  const { tenantId } = ctx;
  let deleted = 0;
  while (!spent(budget)) {
    useQuery(budget);
    const days = await ctx.db
      .selectDistinct({ date: a.date })
      .from(a)
      .where(and(eq(a.tenantId, tenantId), lt(a.date, before)))
      .orderBy(asc(a.date))
      .limit(DAYS_PER_QUERY);
    for (const { date } of days) {
      if (spent(budget)) return { deleted, done: false };
      useQuery(budget);
      const keys = await listDayFiles(ctx.env.EVENT_ARCHIVE, tenantId, date);
      for (let i = 0; i < keys.length; i += 1000) await ctx.env.EVENT_ARCHIVE.delete(keys.slice(i, i + 1000));
      useQuery(budget);
      await ctx.db.delete(a).where(and(eq(a.tenantId, tenantId), eq(a.date, date)));
      deleted += keys.length;
    }
    if (days.length < DAYS_PER_QUERY) return { deleted, done: true };
  }
  return { deleted, done: false };
}

/** shop/redact: every object under the tenant's prefix, 1,000 keys per list and per delete. */
export async function eraseTenantArchive(args: { ctx: Deps; input: { tenantId: string; budget: WorkBudget } }): Promise<StepProgress> {
  const { ctx, input } = args;
  let deleted = 0;
  while (!spent(input.budget)) {
    useQuery(input.budget);
    const page = await ctx.env.EVENT_ARCHIVE.list({ prefix: tenantPrefix(input.tenantId) });
    if (page.objects.length === 0) return { deleted, done: true };
    await ctx.env.EVENT_ARCHIVE.delete(page.objects.map((object) => object.key));
    deleted += page.objects.length;
  }
  return { deleted, done: false };
}
