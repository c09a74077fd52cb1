import { AppError } from "../../errors.ts";
import type { PixelRefusal } from "../../services/pixel/pixel-refusal.ts";

/** Statuses the pixel acts on (docs/pixel.md): 401 handshake again or stop, 403 stop at once, 429 wait, 413 drop. */
export function refusePixel(refusal: PixelRefusal): never {
  switch (refusal.reason) {
    case "invalid_body":
      throw new AppError("validation_failed", refusal.message);
    case "too_many_events":
      throw new AppError("payload_too_large", refusal.message);
    case "unknown_key":
      throw new AppError("unauthorized", refusal.message);
    case "invalid_token":
      throw new AppError("invalid_token", refusal.message);
    case "revoked_key":
      throw new AppError("forbidden", refusal.message);
    case "rate_limited":
      throw new AppError("rate_limited", refusal.message, { headers: { "Retry-After": String(refusal.retryAfterSeconds) } });
  }
}
