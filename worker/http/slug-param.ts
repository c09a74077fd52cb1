import type { Context } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** The `:slug` path parameter; anything that cannot be a slug is simply not found. */
export function slugParam(c: Context<AppEnv>): string {
  const slug = c.req.param("slug") ?? "";
  if (!SLUG.test(slug)) throw new AppError("not_found", `No segment ${slug} in this workspace.`);
  return slug;
}
