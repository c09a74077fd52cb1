import { and, eq, sql } from "drizzle-orm";
import type { Deps } from "../../../context/deps.ts";
import { eventArchivePartsTable, profilesTable } from "../../../db/schema/index.ts";
import { jsonValues } from "../../../db/sql-json.ts";
import { matchesSubject } from "../redact/delete-customer-events.ts";
import type { CustomerSubject } from "../redact/load-customer-subject.ts";
import { spent, useQuery, type StepProgress, type WorkBudget } from "../work-budget.ts";
import { ARCHIVE_CONTENT } from "./archive-layout.ts";
import { gzipLines } from "./gzip-lines.ts";
import { archiveFilesOf, readFile } from "./read-archive.ts";

const PART = /\/date=([0-9-]+)\/part-([0-9]+)\.ndjson\.gz$/;

/** Rewrites one file without the customer's lines: one put replaces it whole, an emptied file is deleted. */
async function rewriteFile(ctx: Deps, tenantId: string, key: string, matches: ReturnType<typeof matchesSubject>): Promise<number> {
  const lines = await readFile(ctx.env.EVENT_ARCHIVE, key);
  const kept = lines.filter((line) => !matches(line.fields));
  const removed = lines.length - kept.length;
  if (removed === 0) return 0;
  const [, date, part] = PART.exec(key) ?? [];
  let bytes = 0;
  if (kept.length === 0) await ctx.env.EVENT_ARCHIVE.delete(key);
  else {
    const body = await gzipLines(kept.map((line) => line.text));
    bytes = body.length;
    await ctx.env.EVENT_ARCHIVE.put(key, body, { httpMetadata: ARCHIVE_CONTENT, customMetadata: { events: String(kept.length) } });
  }
  if (date && part) {
    const a = eventArchivePartsTable;
    await ctx.db
      .update(a)
      .set({ events: kept.length, bytes })
      .where(and(eq(a.tenantId, tenantId), eq(a.date, date), eq(a.part, Number(part)), eq(a.status, "done")));
  }
  return removed;
}

/**
 * customers/redact in the archive: every file listed on the customer's profiles is read and, when it holds any of
 * their events (found the way `eventSelections` finds them in D1), rewritten without them. A file is struck off the
 * profiles once done, so a later slice resumes at the next one.
 */
export async function redactArchivedEvents(args: { ctx: Deps; input: { subject: CustomerSubject; budget: WorkBudget } }): Promise<StepProgress> {
  const { ctx, input } = args;
  const { subject, budget } = input;
  const tenantId = subject.tenantId;
  if (!tenantId) return { deleted: 0, done: true };
  useQuery(budget);
  const files = await archiveFilesOf({ ctx, input: { tenantId, profileIds: subject.profileIds } });
  const matches = matchesSubject(subject);
  let deleted = 0;
  for (const { entry, key } of files) {
    if (spent(budget)) return { deleted, done: false };
    useQuery(budget);
    deleted += await rewriteFile(ctx, tenantId, key, matches);
    useQuery(budget);
    await ctx.db
      .update(profilesTable)
      .set({ archivedFiles: sql`(select json_group_array(value) from json_each(${profilesTable.archivedFiles}) where value <> ${entry})` })
      .where(and(eq(profilesTable.tenantId, tenantId), sql`${profilesTable.id} in ${jsonValues(subject.profileIds)}`));
  }
  return { deleted, done: true };
}
