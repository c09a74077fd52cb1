import type { MiddlewareHandler } from "hono";
import type { InferInput } from "hono/validator";
import type { z } from "zod";
import type { AppEnv } from "../context/app-env.ts";
import { readInput } from "./read-input.ts";
import { readJsonBody } from "./read-json-body.ts";

// Hono's own json validator skips a body sent without a JSON Content-Type and answers malformed JSON with a bare
// 400; these read the body as readJsonBody always has, so /v1 callers and the error envelope see no change.
type Validated<Target extends "json" | "query", In, Out> = { in: { [K in Target]: In }; out: { [K in Target]: Out } };

/** The JSON body, parsed with `schema` before the handler (`c.req.valid("json")`), typed for `hono/client`. */
export function validateJson<S extends z.ZodType<object>, P extends string = string>(schema: S): MiddlewareHandler<AppEnv, P, Validated<"json", z.input<S>, z.output<S>>> {
  return async (c, next) => {
    c.req.addValidatedData("json", await readJsonBody(c, schema));
    await next();
  };
}

/** The query string, parsed with `schema` before the handler (`c.req.valid("query")`); the client sends strings. */
export function validateQuery<S extends z.ZodType<object>, P extends string = string>(
  schema: S,
): MiddlewareHandler<AppEnv, P, Validated<"query", InferInput<z.input<S>, "query">, z.output<S>>> {
  return async (c, next) => {
    c.req.addValidatedData("query", readInput(schema, c.req.query()));
    await next();
  };
}
