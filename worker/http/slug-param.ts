import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** The `:slug` path parameter (`c.req.valid("param").slug`); anything that cannot be a slug is simply not found. */
export function slugParam<P extends string = string>(what = "segment"): MiddlewareHandler<AppEnv, P, { in: { param: { slug: string } }; out: { param: { slug: string } } }> {
  return async (c, next) => {
    const slug = c.req.param("slug") ?? "";
    if (!SLUG.test(slug)) throw new AppError("not_found", `No ${what} ${slug} in this workspace.`);
    c.req.addValidatedData("param", { slug });
    await next();
  };
}
