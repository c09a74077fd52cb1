import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { revealServerKey } from "../../services/keys/reveal-server-key.ts";
import { revokeKey } from "../../services/keys/revoke-key.ts";
import { rotateKey } from "../../services/keys/rotate-key.ts";
import { tenantControlContext } from "../../http/tenant-context.ts";

export type RevealServerKeyResponse = { id: string; key: string };
export type RotateKeyResponse = { id: string; kind: "public" | "server"; key: string; warning: string | null };

/** Key management: the server key is shown once (reveal or rotate), keys can be rotated and revoked. */
export const keyRoutes = new Hono<AppEnv>()
  .post("/keys/server/reveal", async (c) => {
    const revealed = await revealServerKey({ ctx: tenantControlContext(c) });
    if (!revealed) throw new AppError("gone", "The server key was already shown once. Rotate it to get a new one.");
    return c.json({ id: revealed.keyId, key: revealed.secret } satisfies RevealServerKeyResponse);
  })
  .post("/keys/:kind/rotate", async (c) => {
    const kind = c.req.param("kind");
    if (kind !== "public" && kind !== "server") throw new AppError("not_found", `No key kind ${kind}; use public or server.`);
    const rotated = await rotateKey({ ctx: tenantControlContext(c), input: { kind } });
    if (!rotated.ok) throw new AppError("shopify_unavailable", rotated.error.message);
    return c.json({ ...rotated.value, warning: null } satisfies RotateKeyResponse, 201);
  })
  .post("/keys/:id/revoke", async (c) => {
    if (!(await revokeKey({ ctx: tenantControlContext(c), input: { keyId: c.req.param("id") } }))) {
      throw new AppError("not_found", "No active key with that id in this workspace.");
    }
    return c.body(null, 204);
  });
