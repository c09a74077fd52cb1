import { and, eq, isNull, lt, or } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";
import { hashServerKey } from "./generate-key.ts";

const LAST_USED_RESOLUTION_MS = 60_000;

/** The tenant a server key (`sk_…`) belongs to, or null if it is unknown or revoked. */
export async function authenticateServerKey(args: { ctx: Deps; input: { secret: string } }): Promise<{ tenantId: string; keyId: string } | null> {
  const { ctx, input } = args;
  if (!input.secret.startsWith("sk_")) return null;
  const secretHash = await hashServerKey(input.secret);
  const key = await ctx.db
    .select({ id: apiKeysTable.id, tenantId: apiKeysTable.tenantId })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.secretHash, secretHash), eq(apiKeysTable.kind, "server"), isNull(apiKeysTable.revokedAt)))
    .get();
  return key ? { tenantId: key.tenantId, keyId: key.id } : null;
}

/** Records use at minute resolution, so a busy key costs one write a minute, not one per request. */
export async function touchServerKey(args: { ctx: Deps; input: { keyId: string } }): Promise<void> {
  const now = Date.now();
  const stale = new Date(now - LAST_USED_RESOLUTION_MS);
  await args.ctx.db
    .update(apiKeysTable)
    .set({ lastUsedAt: new Date(now) })
    .where(and(eq(apiKeysTable.id, args.input.keyId), or(isNull(apiKeysTable.lastUsedAt), lt(apiKeysTable.lastUsedAt, stale))));
}
