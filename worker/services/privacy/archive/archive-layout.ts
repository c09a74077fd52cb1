/**
 * Where the archive keeps a tenant's events in R2: Hive-style partitions, so DuckDB and Spark read `tenant` and
 * `date` from the path (docs/archive.md). One day is one partition; a day may hold several parts, because events
 * with an old `occurred_at` keep arriving (backfills, late webhooks) after the day was first archived.
 */
const DAY_MS = 86_400_000;

export const tenantPrefix = (tenantId: string) => `events/tenant=${tenantId}/`;
export const datePrefix = (tenantId: string, date: string) => `${tenantPrefix(tenantId)}date=${date}/`;
export const partKey = (tenantId: string, date: string, part: number) => `${datePrefix(tenantId, date)}part-${part}.ndjson.gz`;

/** The UTC day `YYYY-MM-DD` of an instant. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Midnight UTC starting a `YYYY-MM-DD` day, in ms. */
export const dayStart = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
export const nextDay = (date: string) => dayOf(dayStart(date) + DAY_MS);
/** Midnight UTC of the day `days` before the day of `now`: everything before it is older than `days` whole days. */
export const daysBefore = (now: number, days: number) => Math.floor(now / DAY_MS) * DAY_MS - days * DAY_MS;

export const ARCHIVE_CONTENT = { contentType: "application/x-ndjson", contentEncoding: "gzip" } as const;
