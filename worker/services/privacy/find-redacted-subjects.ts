import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { Config } from "../../env.ts";
import { redactedSubjectsTable } from "../../db/schema/index.ts";
import { normalizeSubject, type Subject } from "./subject-hash.ts";
import { keyedHash } from "../../lib/keyed-hash.ts";

const r = redactedSubjectsTable;

/**
 * Which of these tenants have redacted anyone, asked of the shard that holds their data: one index probe each. Only
 * their rows are ever hashed and looked up, so tenants without redactions pay one cheap query per batch.
 */
export async function findTenantsWithRedactions(args: { ctx: { db: Db }; input: { tenantIds: Iterable<string> } }): Promise<Set<string>> {
  const { ctx, input } = args;
  const tenantIds = [...new Set(input.tenantIds)];
  if (tenantIds.length === 0) return new Set();
  const rows = await ctx.db.all<{ tenant_id: string }>(sql`
    select t.value as tenant_id from json_each(${JSON.stringify(tenantIds)}) t
    where exists (select 1 from ${r} where ${r.tenantId} = t.value)
  `);
  return new Set(rows.map((row) => row.tenant_id));
}

/** Answers whether a tenant's identifier belongs to a redacted customer; built for the identifiers asked of it. */
export type RedactionProbe = (tenantId: string, kind: Subject["kind"], value: string | number | null | undefined) => boolean;

const NOTHING_REDACTED: RedactionProbe = () => false;

/** Hashes each distinct identifier once and asks the database holding these tenants' data, in one query. */
export async function loadRedactionProbe(args: { ctx: { config: Config; db: Db }; input: { subjects: readonly (Subject & { tenantId: string })[] } }): Promise<RedactionProbe> {
  const { ctx, input } = args;
  const messages = new Map<string, string>();
  for (const { tenantId, kind, value } of input.subjects) {
    const normal = normalizeSubject(kind, value);
    if (normal !== null) messages.set(`${tenantId}\u0000${kind}\u0000${normal}`, tenantId);
  }
  if (messages.size === 0) return NOTHING_REDACTED;
  const keys = [...messages.keys()];
  const hashes = await Promise.all(keys.map((message) => keyedHash(ctx.config.TOKEN_ENCRYPTION_KEY, "privacy-subject/v1", message)));
  const pairs = keys.map((message, i) => [messages.get(message)!, hashes[i]!]);
  const rows = await ctx.db.all<{ i: number }>(sql`
    select j.key as i from json_each(${JSON.stringify(pairs)}) j
    where exists (select 1 from ${r} where ${r.tenantId} = j.value ->> 0 and ${r.subjectHash} = j.value ->> 1)
  `);
  const redacted = new Set(rows.map((row) => keys[row.i]!));
  if (redacted.size === 0) return NOTHING_REDACTED;
  return (tenantId, kind, value) => {
    if (value === null || value === undefined) return false;
    const normal = normalizeSubject(kind, String(value));
    return normal !== null && redacted.has(`${tenantId}\u0000${kind}\u0000${normal}`);
  };
}
