import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../context/app-env.ts";
import { AppError } from "../errors.ts";
import { readInput } from "./read-input.ts";

/** The JSON body, parsed with `schema`; 400 `invalid_json` or `validation_failed` naming the first bad field. */
export async function readJsonBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const body: unknown = await c.req.json().catch(() => {
    throw new AppError("invalid_json", "The request body must be JSON.");
  });
  return readInput(schema, body);
}
