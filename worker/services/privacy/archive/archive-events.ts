import type { TenantContext } from "../../../context/deps.ts";
import { eventArchivePartsTable, eventsTable, identitiesTable, profilesTable } from "../../../db/schema/index.ts";
import { tableNames } from "../../../db/sql-names.ts";
import { spent, useQuery, type WorkBudget } from "../work-budget.ts";
import { ARCHIVE_CONTENT, dayOf, dayStart, daysBefore, nextDay, partKey } from "./archive-layout.ts";
import { gzipLines } from "./gzip-lines.ts";
import { effectiveHotWindowDays, loadHotWindow } from "./hot-window.ts";

/** Events per file: one select, one put and one delete batch each; a file of 5,000 events is about 0.3-0.5 MB gzip. */
export const PART_EVENTS = 5_000;
// A claim outlives any slice (20 s budget) many times over, so only a run that died leaves one to expire.
const CLAIM_MS = 5 * 60_000;

const E = tableNames(eventsTable);
const P = tableNames(profilesTable);
const I = tableNames(identitiesTable);
const A = tableNames(eventArchivePartsTable);

const iso = (column: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', e.${column} / 1000.0, 'unixepoch')`;

// One NDJSON line per event, built by SQLite (no parse and re-serialise in the Worker); the line's keys are D1's
// column names. `owner`: the profile, or the one the visitor id is linked to, whose list of archive files gets this one.
const SELECT_DAY = `
  SELECT e.${E.id} AS id, e.${E.name} AS name, e.${E.profileId} AS profileId, coalesce(e.${E.profileId}, i.${I.profileId}) AS owner,
    json_object('${E.id}', e.${E.id}, '${E.tenantId}', e.${E.tenantId}, '${E.name}', e.${E.name}, '${E.source}', e.${E.source},
      '${E.occurredAt}', ${iso(E.occurredAt)}, '${E.receivedAt}', ${iso(E.receivedAt)},
      '${E.profileId}', e.${E.profileId}, '${E.anonymousId}', e.${E.anonymousId}, '${E.dedupKey}', e.${E.dedupKey},
      '${E.sourceUpdatedAt}', CASE WHEN e.${E.sourceUpdatedAt} IS NULL THEN NULL ELSE ${iso(E.sourceUpdatedAt)} END,
      '${E.properties}', json(e.${E.properties})) AS line
  FROM ${E.$table} e
  LEFT JOIN ${I.$table} i ON i.${I.tenantId} = e.${E.tenantId} AND i.${I.kind} = 'client_id' AND i.${I.value} = e.${E.anonymousId}
  WHERE e.${E.tenantId} = ?1 AND e.${E.occurredAt} >= ?2 AND e.${E.occurredAt} < ?3
  ORDER BY e.${E.occurredAt}, e.${E.id} LIMIT ?4`;

const PENDING = `SELECT ${A.date} AS date, ${A.part} AS part FROM ${A.$table} WHERE ${A.tenantId} = ?1 AND ${A.status} = 'pending' ORDER BY ${A.date}, ${A.part} LIMIT 1`;
const OLDEST = `SELECT min(${E.occurredAt}) AS oldest FROM ${E.$table} WHERE ${E.tenantId} = ?1 AND ${E.occurredAt} < ?2`;
// At most one pending file per tenant: the next part number of the day, only when none is pending.
const OPEN_PART = `
  INSERT INTO ${A.$table} (${A.tenantId}, ${A.date}, ${A.part}, ${A.status}, ${A.createdAt})
  SELECT ?1, ?2, coalesce((SELECT max(${A.part}) FROM ${A.$table} WHERE ${A.tenantId} = ?1 AND ${A.date} = ?2), 0) + 1, 'pending', ?3
  WHERE NOT EXISTS (SELECT 1 FROM ${A.$table} WHERE ${A.tenantId} = ?1 AND ${A.status} = 'pending')`;
const CLAIM = `
  UPDATE ${A.$table} SET ${A.claim} = ?4, ${A.claimedUntil} = ?5
  WHERE ${A.tenantId} = ?1 AND ${A.date} = ?2 AND ${A.part} = ?3 AND ${A.status} = 'pending' AND (${A.claimedUntil} IS NULL OR ${A.claimedUntil} < ?6)`;
const HELD = `EXISTS (SELECT 1 FROM ${A.$table} WHERE ${A.tenantId} = ?1 AND ${A.date} = ?2 AND ${A.part} = ?3 AND ${A.status} = 'pending' AND ${A.claim} = ?4)`;
// ?5: { "<profile id>": { "<event name>": count } } of the file's events; the file (`day/part`) joins each owner's list.
const ADD_TO_PROFILES = `
  UPDATE ${P.$table} SET
    ${P.archivedEventCounts} = (SELECT json_group_object(k, n) FROM (SELECT c.key AS k, sum(c.value) AS n FROM (
        SELECT key, value FROM json_each(coalesce(${P.$table}.${P.archivedEventCounts}, '{}'))
        UNION ALL SELECT key, value FROM json_each(?5, '$."' || ${P.$table}.${P.id} || '"')) c GROUP BY c.key)),
    ${P.archivedFiles} = (SELECT json_group_array(f) FROM (SELECT value AS f FROM json_each(coalesce(${P.$table}.${P.archivedFiles}, '[]')) UNION SELECT ?2 || '/' || CAST(?3 AS INTEGER)))
  WHERE ${P.tenantId} = ?1 AND ${P.id} IN (SELECT value FROM json_each(?6)) AND ${HELD}`;
const DELETE_ARCHIVED = `DELETE FROM ${E.$table} WHERE ${E.tenantId} = ?1 AND ${E.id} IN (SELECT value FROM json_each(?5)) AND ${HELD}`;
const CLOSE_PART = `
  UPDATE ${A.$table} SET ${A.status} = 'done', ${A.events} = ?5, ${A.bytes} = ?6, ${A.archivedAt} = ?7, ${A.claim} = NULL, ${A.claimedUntil} = NULL
  WHERE ${A.tenantId} = ?1 AND ${A.date} = ?2 AND ${A.part} = ?3 AND ${A.status} = 'pending' AND ${A.claim} = ?4`;
const DROP_EMPTY_PART = `DELETE FROM ${A.$table} WHERE ${A.tenantId} = ?1 AND ${A.date} = ?2 AND ${A.part} = ?3 AND ${A.status} = 'pending' AND ${A.claim} = ?4`;

type DayRow = { id: string; name: string; profileId: string | null; owner: string | null; line: string };
/** `busy`: another run (a duplicate delivery) holds the tenant's pending file; it carries the work on. */
export type ArchiveProgress = { archived: number; files: number; bytes: number; done: boolean; busy?: boolean };

async function nextPart(ctx: TenantContext, budget: WorkBudget, cutoff: number, now: number): Promise<{ date: string; part: number } | null> {
  useQuery(budget);
  const pending = await ctx.d1.prepare(PENDING).bind(ctx.tenantId).first<{ date: string; part: number }>();
  if (pending) return pending;
  useQuery(budget);
  const oldest = await ctx.d1.prepare(OLDEST).bind(ctx.tenantId, cutoff).first<{ oldest: number | null }>();
  if (oldest?.oldest == null) return null;
  useQuery(budget);
  await ctx.d1.prepare(OPEN_PART).bind(ctx.tenantId, dayOf(oldest.oldest), now).run();
  useQuery(budget);
  return ctx.d1.prepare(PENDING).bind(ctx.tenantId).first<{ date: string; part: number }>();
}

/** Per profile, the file's events counted by name (only events carrying the profile count, as segments count them). */
function countsByProfile(rows: readonly DayRow[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    if (!row.profileId) continue;
    const names = counts[row.profileId] ?? {};
    names[row.name] = (names[row.name] ?? 0) + 1;
    counts[row.profileId] = names;
  }
  return counts;
}

/**
 * Moves the tenant's events older than its hot window from D1 to the R2 archive, oldest day first, one file of up
 * to 5,000 events at a time: the file is opened as `pending` in the manifest, uploaded, then one D1 batch deletes
 * exactly its events, adds them to their profiles' archived counts and closes it. A run that dies after the upload
 * finds the file still pending and writes it again under the same key from the same rows: nothing doubled or lost.
 */
export async function archiveEvents(args: { ctx: TenantContext; input: { now: number; budget: WorkBudget } }): Promise<ArchiveProgress> {
  const { ctx, input } = args;
  const { budget, now } = input;
  const progress: ArchiveProgress = { archived: 0, files: 0, bytes: 0, done: false };
  useQuery(budget);
  const cutoff = daysBefore(now, effectiveHotWindowDays(await loadHotWindow({ ctx })));
  const claim = crypto.randomUUID();
  while (!spent(budget)) {
    const open = await nextPart(ctx, budget, cutoff, now);
    if (!open) return { ...progress, done: true };
    const { date, part } = open;
    const held = [ctx.tenantId, date, part, claim] as const;
    useQuery(budget);
    // Claims run on the clock, not on `now`: a continuation carries the cron's time along unchanged.
    const claimed = await ctx.d1.prepare(CLAIM).bind(...held, Date.now() + CLAIM_MS, Date.now()).run();
    // Another run holds this file: leave the tenant to it.
    if ((claimed.meta.changes ?? 0) === 0) return { ...progress, busy: true };
    useQuery(budget);
    const { results: rows } = await ctx.d1.prepare(SELECT_DAY).bind(ctx.tenantId, dayStart(date), Math.min(dayStart(nextDay(date)), cutoff), PART_EVENTS).all<DayRow>();
    if (rows.length === 0) {
      // Its events were erased meanwhile (a redaction): nothing to write.
      useQuery(budget);
      await ctx.d1.prepare(DROP_EMPTY_PART).bind(...held).run();
      continue;
    }
    const body = await gzipLines(rows.map((row) => row.line));
    await ctx.env.EVENT_ARCHIVE.put(partKey(ctx.tenantId, date, part), body, { httpMetadata: ARCHIVE_CONTENT, customMetadata: { events: String(rows.length) } });
    const ids = JSON.stringify(rows.map((row) => row.id));
    const owners = JSON.stringify([...new Set(rows.flatMap((row) => (row.owner ? [row.owner] : [])))]);
    useQuery(budget);
    await ctx.d1.batch([
      ctx.d1.prepare(ADD_TO_PROFILES).bind(...held, JSON.stringify(countsByProfile(rows)), owners),
      ctx.d1.prepare(DELETE_ARCHIVED).bind(...held, ids),
      ctx.d1.prepare(CLOSE_PART).bind(...held, rows.length, body.length, Date.now()),
    ]);
    progress.archived += rows.length;
    progress.files++;
    progress.bytes += body.length;
  }
  return progress;
}
