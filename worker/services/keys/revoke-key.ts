import { and, eq, isNull } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { TenantControl } from "../../context/deps.ts";
import { forgetPixelKey } from "../pixel/find-pixel-key.ts";

/** Revokes one of the tenant's keys; false when it is not the tenant's or already revoked. */
export async function revokeKey(args: { ctx: TenantControl; input: { keyId: string } }): Promise<boolean> {
  const { ctx, input } = args;
  const revoked = await ctx.db
    .update(apiKeysTable)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeysTable.id, input.keyId), eq(apiKeysTable.tenantId, ctx.tenantId), isNull(apiKeysTable.revokedAt)))
    .returning({ id: apiKeysTable.id, kind: apiKeysTable.kind });
  const [key] = revoked;
  if (!key) return false;
  if (key.kind === "public") forgetPixelKey(key.id);
  ctx.log.info("key revoked", { tenant: ctx.tenantId, kind: key.kind });
  return true;
}
