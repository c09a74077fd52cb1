import { and, eq } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";

export type PixelKey = { keyId: string; tenantId: string; revoked: boolean };

// Short enough that a revoke made in another isolate stops this one within two seconds; the consumer re-checks
// every batch against D1, so nothing from a revoked key is stored meanwhile.
const TTL_MS = 2_000;
const byPublicKey = new Map<string, { key: PixelKey | null; at: number }>();
const byKeyId = new Map<string, { key: PixelKey | null; at: number }>();

async function cached(cache: typeof byKeyId, id: string, load: () => Promise<PixelKey | null>, now: number): Promise<PixelKey | null> {
  const hit = cache.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.key;
  const key = await load();
  cache.set(id, { key, at: now });
  return key;
}

const columns = { keyId: apiKeysTable.id, tenantId: apiKeysTable.tenantId, revokedAt: apiKeysTable.revokedAt };
const toPixelKey = (row: { keyId: string; tenantId: string; revokedAt: Date | null } | undefined): PixelKey | null =>
  row ? { keyId: row.keyId, tenantId: row.tenantId, revoked: row.revokedAt !== null } : null;

/** The storefront key a handshake names, from a per-isolate cache so the hot path rarely reads D1. */
export function findPixelKey(args: { ctx: Deps; input: { publicKey: string; now: number } }): Promise<PixelKey | null> {
  const { ctx, input } = args;
  return cached(byPublicKey, input.publicKey, async () =>
    toPixelKey(await ctx.db.select(columns).from(apiKeysTable).where(and(eq(apiKeysTable.publicKey, input.publicKey), eq(apiKeysTable.kind, "public"))).get()),
  input.now);
}

/** The key behind a pixel token, to refuse a revoked key's tokens before they expire. */
export function findPixelKeyById(args: { ctx: Deps; input: { keyId: string; now: number } }): Promise<PixelKey | null> {
  const { ctx, input } = args;
  return cached(byKeyId, input.keyId, async () =>
    toPixelKey(await ctx.db.select(columns).from(apiKeysTable).where(and(eq(apiKeysTable.id, input.keyId), eq(apiKeysTable.kind, "public"))).get()),
  input.now);
}

/** Call when a key is revoked or rotated: this isolate refuses it at once (others within TTL_MS). */
export function forgetPixelKey(keyId: string): void {
  byKeyId.delete(keyId);
  for (const [publicKey, entry] of byPublicKey) if (entry.key?.keyId === keyId) byPublicKey.delete(publicKey);
}
