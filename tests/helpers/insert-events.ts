import { tenantDb } from "./tenant-db.ts";

export type EventRow = { name: string; source: "webhook" | "pixel" | "backfill" | "api"; occurredAt: number; profileId?: string; properties?: Record<string, unknown> };

/** Canonical events written straight to D1, for reads that only care about name, source and time. */
export async function insertEvents(tenantId: string, rows: EventRow[]): Promise<string[]> {
  const db = await tenantDb(tenantId);
  const insert = db.prepare(
    `INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, profile_id, dedup_key, properties)
     VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?1, ?7)`,
  );
  const ids = rows.map(() => `evt_${crypto.randomUUID()}`);
  const statements = rows.map((row, i) =>
    insert.bind(ids[i]!, tenantId, row.name, row.source, row.occurredAt, row.profileId ?? null, JSON.stringify(row.properties ?? {})),
  );
  for (let start = 0; start < statements.length; start += 100) await db.batch(statements.slice(start, start + 100));
  return ids;
}
