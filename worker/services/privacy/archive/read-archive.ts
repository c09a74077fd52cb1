import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Deps } from "../../../context/deps.ts";
import { eventsTable, profilesTable } from "../../../db/schema/index.ts";
import { jsonValues } from "../../../db/sql-json.ts";
import { tableNames } from "../../../db/sql-names.ts";
import type { EventFields } from "../redact/delete-customer-events.ts";
import { datePrefix, partKey } from "./archive-layout.ts";
import { gunzipLines } from "./gzip-lines.ts";

const E = tableNames(eventsTable);
const KEYS = Object.entries(E).filter(([key]) => key !== "$table");

/** One archived line: its text, the event under the schema's keys (as the export writes D1 rows), and the fields it is matched by. */
export type ArchivedLine = { text: string; event: Record<string, unknown>; fields: EventFields };

export function readLine(text: string): ArchivedLine {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const event = Object.fromEntries(KEYS.map(([key, name]) => [key, raw[name] ?? null]));
  const fields: EventFields = {
    profileId: (event.profileId as string | null) ?? null,
    anonymousId: (event.anonymousId as string | null) ?? null,
    dedupKey: String(event.dedupKey),
    name: String(event.name),
    properties: (event.properties as Record<string, unknown> | null) ?? null,
  };
  return { text, event, fields };
}

/** An entry of `profiles.archived_files` (`YYYY-MM-DD/<part>`) and the key of its file. */
export type ArchiveFile = { entry: string; key: string };

/**
 * The archive files listed on the profiles, oldest first: the only files that can hold those customers' events
 * (measured: a customer's files are a small share of a large tenant's, so no request scans the tenant's prefix).
 */
export async function archiveFilesOf(args: { ctx: Deps; input: { tenantId: string; profileIds: readonly string[] } }): Promise<ArchiveFile[]> {
  const { ctx, input } = args;
  if (input.profileIds.length === 0) return [];
  const rows = await ctx.db
    .select({ files: profilesTable.archivedFiles })
    .from(profilesTable)
    .where(and(eq(profilesTable.tenantId, input.tenantId), sql`${profilesTable.id} in ${jsonValues([...input.profileIds])}`, isNotNull(profilesTable.archivedFiles)));
  const entries = [...new Set(rows.flatMap((row) => row.files ?? []))].sort();
  return entries.flatMap((entry) => {
    const [date, part] = entry.split("/");
    return date && part ? [{ entry, key: partKey(input.tenantId, date, Number(part)) }] : [];
  });
}

/** The keys of one archive day's files, listed a page (1,000) at a time. */
export async function listDayFiles(bucket: R2Bucket, tenantId: string, date: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: datePrefix(tenantId, date), cursor });
    keys.push(...page.objects.map((object) => object.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** A file's lines; none when it is gone (erased or expired since it was listed). */
export async function readFile(bucket: R2Bucket, key: string): Promise<ArchivedLine[]> {
  const object = await bucket.get(key);
  if (!object) return [];
  return (await gunzipLines(await object.arrayBuffer())).map(readLine);
}
