import { and, eq, isNull } from "drizzle-orm";
import { apiKeysTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { adminClientOf } from "../../context/admin-context.ts";
import type { TenantControl } from "../../context/deps.ts";
import { writePixelSettings } from "../install/steps/activate-pixel.ts";
import { forgetPixelKey } from "../pixel/find-pixel-key.ts";
import { hashServerKey, keyHint, newPublicKey, newServerKey } from "./generate-key.ts";

export type RotatedKey = { id: string; kind: "public" | "server"; key: string };

/**
 * Mints a new key of `kind` and revokes the old ones in one D1 batch. A new server key is returned here and
 * nowhere else; a new public key is pushed into the web pixel's settings at once.
 */
export async function rotateKey(args: { ctx: TenantControl; input: { kind: "public" | "server" } }): Promise<Result<RotatedKey, { message: string }>> {
  const { ctx, input } = args;
  const { kind } = input;
  const now = Date.now();
  const secret = kind === "public" ? newPublicKey() : newServerKey();
  const id = newId("key");
  const row = {
    id,
    tenantId: ctx.tenantId,
    kind,
    hint: keyHint(secret),
    createdAt: new Date(now),
    ...(kind === "public" ? { publicKey: secret } : { secretHash: await hashServerKey(secret) }),
  };
  const [revoked] = await ctx.db.batch([
    ctx.db
      .update(apiKeysTable)
      .set({ revokedAt: new Date(now) })
      .where(and(eq(apiKeysTable.tenantId, ctx.tenantId), eq(apiKeysTable.kind, kind), isNull(apiKeysTable.revokedAt)))
      .returning({ id: apiKeysTable.id }),
    ctx.db.insert(apiKeysTable).values(row),
  ]);
  if (kind === "public") {
    for (const old of revoked) forgetPixelKey(old.id);
    const pixel = await writePixelSettings({
      ctx: { admin: adminClientOf(ctx, ctx.tenantId) },
      input: { publicKey: secret, collectorUrl: ctx.config.SHOPIFY_APP_URL.replace(/\/$/, "") },
    });
    if (!pixel.ok) return err({ message: `New public key created, but the pixel still has the old one: ${pixel.error}` });
  }
  ctx.log.info("key rotated", { tenant: ctx.tenantId, kind });
  return ok({ id, kind, key: secret });
}
