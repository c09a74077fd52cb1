import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";

// `newId("discount")`: 9 characters of time, 10 random.
const RULE_ID = /^dsc_[0-9a-z]{19}$/;

/** The `:id` of a discount rule (`c.req.valid("param").id`); anything that cannot be one is simply not found. */
export function discountRuleIdParam<P extends string = string>(): MiddlewareHandler<AppEnv, P, { in: { param: { id: string } }; out: { param: { id: string } } }> {
  return async (c, next) => {
    const id = c.req.param("id") ?? "";
    if (!RULE_ID.test(id)) throw new AppError("not_found", `No discount rule ${id} in this workspace.`);
    c.req.addValidatedData("param", { id });
    await next();
  };
}
