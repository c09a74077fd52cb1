import { and, eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";

export type PixelKey = { keyId: string; tenantId: string; revoked: boolean };

// Short enough that a revoke made in another isolate stops this one within two seconds; the consumer re-checks
// every batch against D1, so nothing from a revoked key is stored meanwhile.
const TTL_MS = 2_000;
// Keys are random and shown only once created, so no one asks for a key before it exists: a miss can stay longer.
const UNKNOWN_TTL_MS = 60_000;
// Bounded, least recently used out first: keys made up by a flood cannot grow an isolate's memory.
const MAX_ENTRIES = 10_000;
const PUBLIC_KEY_SHAPE = /^pk_live_[0-9A-Za-z]{32}$/;

type Entry = { key: PixelKey | null };
const newCache = () => new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: TTL_MS, ttlAutopurge: false });
const byPublicKey = newCache();
const byKeyId = newCache();

async function cached(cache: LRUCache<string, Entry>, id: string, load: () => Promise<PixelKey | null>): Promise<PixelKey | null> {
  const hit = cache.get(id);
  if (hit) return hit.key;
  const key = await load();
  cache.set(id, { key }, { ttl: key ? TTL_MS : UNKNOWN_TTL_MS });
  return key;
}

const columns = { keyId: apiKeysTable.id, tenantId: apiKeysTable.tenantId, revokedAt: apiKeysTable.revokedAt };
const toPixelKey = (row: { keyId: string; tenantId: string; revokedAt: Date | null } | undefined): PixelKey | null =>
  row ? { keyId: row.keyId, tenantId: row.tenantId, revoked: row.revokedAt !== null } : null;

/** The storefront key a handshake names, from a bounded per-isolate cache (misses too), so the hot path rarely reads D1. */
export function findPixelKey(args: { ctx: Deps; input: { publicKey: string } }): Promise<PixelKey | null> {
  const { ctx, input } = args;
  if (!PUBLIC_KEY_SHAPE.test(input.publicKey)) return Promise.resolve(null);
  return cached(byPublicKey, input.publicKey, async () =>
    toPixelKey(await ctx.db.select(columns).from(apiKeysTable).where(and(eq(apiKeysTable.publicKey, input.publicKey), eq(apiKeysTable.kind, "public"))).get()),
  );
}

/** The key behind a pixel token, to refuse a revoked key's tokens before they expire. */
export function findPixelKeyById(args: { ctx: Deps; input: { keyId: string } }): Promise<PixelKey | null> {
  const { ctx, input } = args;
  return cached(byKeyId, input.keyId, async () =>
    toPixelKey(await ctx.db.select(columns).from(apiKeysTable).where(and(eq(apiKeysTable.id, input.keyId), eq(apiKeysTable.kind, "public"))).get()),
  );
}

/** Call when a key is revoked or rotated: this isolate refuses it at once (others within TTL_MS). */
export function forgetPixelKey(keyId: string): void {
  byKeyId.delete(keyId);
  for (const [publicKey, entry] of byPublicKey.entries()) if (entry.key?.keyId === keyId) byPublicKey.delete(publicKey);
}
