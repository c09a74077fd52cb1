import { and, eq, isNull, lt, or } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";
import { hashServerKey } from "./generate-key.ts";

const LAST_USED_RESOLUTION_MS = 60_000;

/** The tenant a server key (`sk_…`) belongs to, or null if it is unknown or revoked. */
export async function authenticateServerKey(deps: Deps, secret: string): Promise<{ tenantId: string; keyId: string } | null> {
  if (!secret.startsWith("sk_")) return null;
  const secretHash = await hashServerKey(secret);
  const key = await deps.db
    .select({ id: apiKeysTable.id, tenantId: apiKeysTable.tenantId })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.secretHash, secretHash), eq(apiKeysTable.kind, "server"), isNull(apiKeysTable.revokedAt)))
    .get();
  return key ? { tenantId: key.tenantId, keyId: key.id } : null;
}

/** Records use at minute resolution, so a busy key costs one write a minute, not one per request. */
export async function touchServerKey(deps: Deps, keyId: string, now = Date.now()): Promise<void> {
  const stale = new Date(now - LAST_USED_RESOLUTION_MS);
  await deps.db
    .update(apiKeysTable)
    .set({ lastUsedAt: new Date(now) })
    .where(and(eq(apiKeysTable.id, keyId), or(isNull(apiKeysTable.lastUsedAt), lt(apiKeysTable.lastUsedAt, stale))));
}
