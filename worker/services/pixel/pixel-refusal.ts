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

/** Per-key limit through the PIXEL_RATE_LIMITER binding, so one storefront's flood never starves another. */
export async function limitPixelKey(args: { ctx: Deps; input: { keyId: string } }): Promise<PixelRefusal | null> {
  const { success } = await args.ctx.env.PIXEL_RATE_LIMITER.limit({ key: args.input.keyId });
  if (success) return null;
  return { reason: "rate_limited", message: "Too many pixel requests for this key; retry later.", retryAfterSeconds: RATE_LIMIT_PERIOD_SECONDS };
}

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
