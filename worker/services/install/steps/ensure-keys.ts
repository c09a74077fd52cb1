import { and, eq, isNull } from "drizzle-orm";
import { apiKeysTable } from "../../../db/schema/index.ts";
import { newId } from "../../../lib/ids.ts";
import { hashServerKey, keyHint, newPublicKey, newServerKey } from "../../keys/generate-key.ts";
import type { SetupStepRun } from "../setup-steps.ts";

/** One active public key and one active server key per tenant; an existing active key is kept, never duplicated. */
export const ensureKeys: SetupStepRun = async ({ ctx }) => {
  const active = await ctx.db
    .select({ kind: apiKeysTable.kind })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.tenantId, ctx.tenantId), isNull(apiKeysTable.revokedAt)));
  const now = new Date();
  if (!active.some((key) => key.kind === "public")) {
    const publicKey = newPublicKey();
    await ctx.db.insert(apiKeysTable).values({
      id: newId("key"),
      tenantId: ctx.tenantId,
      kind: "public",
      publicKey,
      hint: keyHint(publicKey),
      createdAt: now,
    });
  }
  if (!active.some((key) => key.kind === "server")) {
    const secret = newServerKey();
    const id = newId("key");
    // Stash before insert: a crash in between leaves a revealable secret without a row, never a row nobody can reveal.
    await ctx.stashServerKey(id, secret);
    await ctx.db.insert(apiKeysTable).values({
      id,
      tenantId: ctx.tenantId,
      kind: "server",
      secretHash: await hashServerKey(secret),
      hint: keyHint(secret),
      createdAt: now,
    });
  }
  return { ok: true, detail: "public key and server key ready" };
};
