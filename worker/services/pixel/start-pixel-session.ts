import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import { forTenant, type Deps } from "../../context/deps.ts";
import { findPixelKey } from "./find-pixel-key.ts";
import { loadPixelConfig, type PixelConfig } from "./load-pixel-config.ts";
import { limitPixelCaller, limitPixelIp, parseJsonBody, type PixelRefusal } from "./pixel-refusal.ts";
import { signPixelToken } from "./pixel-token.ts";

export const HandshakeInput = z.object({ publicKey: z.string().min(1).max(200), clientId: z.string().min(1).max(200) });
export type HandshakeResponse = { token: string; expiresAt: string; config: PixelConfig };

const TOKEN_TTL_MS = 60 * 60 * 1000;

/** The handshake: a live public key buys a signed, expiring token for this visitor plus the tenant's pixel config. */
export async function startPixelSession(args: { ctx: Deps; input: { text: string; ip: string | null } }): Promise<Result<HandshakeResponse, PixelRefusal>> {
  const { ctx, input } = args;
  const now = Date.now();
  const body = HandshakeInput.safeParse(parseJsonBody(input.text));
  if (!body.success) return err({ reason: "invalid_body", message: "Send { publicKey, clientId } as JSON." });
  const limitedIp = await limitPixelIp({ ctx, input: { ip: input.ip } });
  if (limitedIp) return err(limitedIp);
  const key = await findPixelKey({ ctx, input: { publicKey: body.data.publicKey } });
  if (!key) return err({ reason: "unknown_key", message: "This public key is unknown." });
  if (key.revoked) return err({ reason: "revoked_key", message: "This public key has been revoked." });
  const limited = await limitPixelCaller({ ctx, input: { keyId: key.keyId, clientId: body.data.clientId } });
  if (limited) return err(limited);

  const expiresAt = now + TOKEN_TTL_MS;
  const token = await signPixelToken(ctx.config.TOKEN_ENCRYPTION_KEY, { tenantId: key.tenantId, keyId: key.keyId, clientId: body.data.clientId, expiresAt });
  return ok({ token, expiresAt: new Date(expiresAt).toISOString(), config: await loadPixelConfig({ ctx: await forTenant(ctx, key.tenantId, { access: "read" }), input: { now } }) });
}
