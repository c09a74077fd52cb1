import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { TenantControl } from "../../context/deps.ts";

/** The tenant's active public key (the newest, should two overlap), or null before setup minted one. */
export async function findPublicKey(args: { ctx: TenantControl }): Promise<{ id: string; publicKey: string; hint: string } | null> {
  const { ctx } = args;
  const key = await ctx.db
    .select({ id: apiKeysTable.id, publicKey: apiKeysTable.publicKey, hint: apiKeysTable.hint })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.tenantId, ctx.tenantId), eq(apiKeysTable.kind, "public"), isNull(apiKeysTable.revokedAt)))
    .orderBy(desc(apiKeysTable.createdAt))
    .get();
  return key?.publicKey ? { id: key.id, publicKey: key.publicKey, hint: key.hint } : null;
}
