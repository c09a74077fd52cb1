import { and, eq, isNull } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { TenantControl } from "../../context/deps.ts";
import { newId } from "../../lib/ids.ts";
import { hashServerKey, keyHint, newPublicKey, newServerKey } from "./generate-key.ts";

/**
 * One active public key and one active server key per tenant; an existing active key is kept, never duplicated.
 * A new server key's secret goes to `stashServerKey` (the merchant reveals it once) before its row is written.
 */
export async function ensureKeys(args: { ctx: TenantControl; input: { stashServerKey(keyId: string, secret: string): Promise<void> } }): Promise<void> {
  const { ctx, input } = args;
  const active = await ctx.db
    .select({ kind: apiKeysTable.kind })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.tenantId, ctx.tenantId), isNull(apiKeysTable.revokedAt)));
  const now = new Date();
  if (!active.some((key) => key.kind === "public")) {
    const publicKey = newPublicKey();
    await ctx.db.insert(apiKeysTable).values({ id: newId("key"), tenantId: ctx.tenantId, kind: "public", publicKey, hint: keyHint(publicKey), createdAt: now });
  }
  if (!active.some((key) => key.kind === "server")) {
    const secret = newServerKey();
    const id = newId("key");
    // Stash before insert: a crash in between leaves a revealable secret without a row, never a row nobody can reveal.
    await input.stashServerKey(id, secret);
    await ctx.db.insert(apiKeysTable).values({ id, tenantId: ctx.tenantId, kind: "server", secretHash: await hashServerKey(secret), hint: keyHint(secret), createdAt: now });
  }
}
