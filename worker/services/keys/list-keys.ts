import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { TenantControl } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";

export type KeysView = {
  public: { id: string; key: string; createdAt: string } | null;
  server: { id: string; hint: string; createdAt: string; lastUsedAt: string | null; revealable: boolean } | null;
};

/** The tenant's active keys as the admin shows them: the public key in full, the server key as a hint. */
export async function listKeys(args: { ctx: TenantControl }): Promise<KeysView> {
  const { ctx } = args;
  const keys = await ctx.db
    .select()
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.tenantId, ctx.tenantId), isNull(apiKeysTable.revokedAt)))
    .orderBy(desc(apiKeysTable.createdAt));
  const publicKey = keys.find((k) => k.kind === "public");
  const serverKey = keys.find((k) => k.kind === "server");
  const revealableId = serverKey ? await tenantObject(ctx.env, ctx.tenantId).revealableServerKeyId() : null;
  return {
    public: publicKey?.publicKey ? { id: publicKey.id, key: publicKey.publicKey, createdAt: publicKey.createdAt.toISOString() } : null,
    server: serverKey
      ? {
          id: serverKey.id,
          hint: serverKey.hint,
          createdAt: serverKey.createdAt.toISOString(),
          lastUsedAt: serverKey.lastUsedAt?.toISOString() ?? null,
          revealable: revealableId === serverKey.id,
        }
      : null,
  };
}
