import type { Deps } from "../../context/deps.ts";

/** Why a pixel call was refused; the route maps each to the status docs/pixel.md tells the pixel to expect. */
export type PixelRefusal =
  | { reason: "invalid_body"; message: string }
  | { reason: "too_many_events"; message: string }
  | { reason: "unknown_key"; message: string }
  | { reason: "invalid_token"; message: string }
  | { reason: "revoked_key"; message: string }
  | { reason: "rate_limited"; message: string; retryAfterSeconds: number };

// The limiter's window (wrangler.toml `period`): waiting one window always clears it.
const RATE_LIMIT_PERIOD_SECONDS = 10;

const rateLimited = (message: string): PixelRefusal => ({ reason: "rate_limited", message, retryAfterSeconds: RATE_LIMIT_PERIOD_SECONDS });

/** Per-address limit, checked before any key lookup; an address Cloudflare did not give (local runs) is not limited. */
export async function limitPixelIp(args: { ctx: Deps; input: { ip: string | null } }): Promise<PixelRefusal | null> {
  if (!args.input.ip) return null;
  const { success } = await args.ctx.env.PIXEL_IP_RATE_LIMITER.limit({ key: args.input.ip });
  return success ? null : rateLimited("Too many pixel requests from this address; retry later.");
}

/**
 * Per-visitor, then per-key limits: a visitor over its own limit is refused before it spends the key's, so one
 * storefront client's flood never locks out the shop's other visitors, nor one shop's flood another shop.
 */
export async function limitPixelCaller(args: { ctx: Deps; input: { keyId: string; clientId: string } }): Promise<PixelRefusal | null> {
  const { ctx, input } = args;
  const visitor = await ctx.env.PIXEL_VISITOR_RATE_LIMITER.limit({ key: `${input.keyId}:${input.clientId}` });
  if (!visitor.success) return rateLimited("Too many pixel requests from this visitor; retry later.");
  const key = await ctx.env.PIXEL_RATE_LIMITER.limit({ key: input.keyId });
  return key.success ? null : rateLimited("Too many pixel requests for this key; retry later.");
}

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
