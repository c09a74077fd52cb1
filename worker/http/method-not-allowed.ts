import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";

/** Answers every other method on a path with 405 and `Allow`. */
export function methodNotAllowed(allow: string): MiddlewareHandler<AppEnv> {
  return () => {
    throw new AppError("method_not_allowed", `Use ${allow} on this path.`, { headers: { Allow: allow } });
  };
}
