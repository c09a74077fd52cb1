import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";

/** /v1 and /admin/api: their largest body (a segment definition, pixel settings) is a few kilobytes. */
export const MAX_API_BODY_BYTES = 262_144;

/** 413 with the error envelope once a body passes `maxBytes`, before the handler reads it. */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
    },
  });
}
