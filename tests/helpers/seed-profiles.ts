import { tenantDb } from "./tenant-db.ts";

export type ProfileSeed = {
  id?: string;
  customerId?: string;
  country?: string | null;
  tags?: string[];
  totalSpent?: number;
  ordersCount?: number;
  lastOrderAt?: number | null;
  email?: string | null;
  redactedAt?: number | null;
};

export type EventSeed = { profileId: string; name: string; occurredAt: number };

/** Writes profiles for a test tenant straight to D1; answers their ids in order. */
export async function seedProfiles(tenantId: string, seeds: ProfileSeed[]): Promise<string[]> {
  const now = Date.now();
  const db = await tenantDb(tenantId);
  const insert = db.prepare(
    `INSERT INTO profiles (id, tenant_id, shopify_customer_id, email, country, tags, orders_count, total_spent, last_order_at,
       redacted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = seeds.map((seed) => seed.id ?? `prof_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`);
  const statements = seeds.map((seed, i) =>
    insert.bind(
      ids[i]!,
      tenantId,
      seed.customerId ?? String(9_000_000 + Math.floor(Math.random() * 1_000_000_000)),
      seed.email ?? null,
      seed.country ?? null,
      JSON.stringify(seed.tags ?? []),
      seed.ordersCount ?? 0,
      seed.totalSpent ?? 0,
      seed.lastOrderAt ?? null,
      seed.redactedAt ?? null,
      now,
      now,
    ),
  );
  for (let start = 0; start < statements.length; start += 100) await db.batch(statements.slice(start, start + 100));
  return ids;
}

export async function seedEvents(tenantId: string, seeds: EventSeed[]): Promise<void> {
  const db = await tenantDb(tenantId);
  const insert = db.prepare(
    `INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, profile_id, dedup_key, properties)
     VALUES (?1, ?2, ?3, 'api', ?4, ?4, ?5, ?1, '{}')`,
  );
  const statements = seeds.map((seed) => insert.bind(`evt_${crypto.randomUUID()}`, tenantId, seed.name, seed.occurredAt, seed.profileId));
  for (let start = 0; start < statements.length; start += 100) await db.batch(statements.slice(start, start + 100));
}

export async function updateProfile(tenantId: string, id: string, set: { tags?: string[]; totalSpent?: number; redactedAt?: number }): Promise<void> {
  const db = await tenantDb(tenantId);
  if (set.tags) await db.prepare("UPDATE profiles SET tags = ? WHERE tenant_id = ? AND id = ?").bind(JSON.stringify(set.tags), tenantId, id).run();
  if (set.totalSpent !== undefined) await db.prepare("UPDATE profiles SET total_spent = ? WHERE tenant_id = ? AND id = ?").bind(set.totalSpent, tenantId, id).run();
  if (set.redactedAt !== undefined) await db.prepare("UPDATE profiles SET redacted_at = ? WHERE tenant_id = ? AND id = ?").bind(set.redactedAt, tenantId, id).run();
}

/** Membership rows of a segment, oldest stay first. */
export async function memberships(tenantId: string, segmentId: string) {
  const { results } = await (await tenantDb(tenantId))
    .prepare("SELECT member_id, entered_at, left_at FROM segment_memberships WHERE tenant_id = ? AND segment_id = ? ORDER BY entered_at, member_id")
    .bind(tenantId, segmentId)
    .all<{ member_id: string; entered_at: number; left_at: number | null }>();
  return results;
}
