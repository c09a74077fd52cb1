import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import type { SegmentError } from "../../services/segments/dsl/index.ts";
import type { SegmentWriteError } from "../../services/segments/segment-input.ts";
import { readInput } from "../api/read-input.ts";

/** `Line 2, column 5: unknown attribute …`, with line/column (or JSON path) and hint in `error.details`. */
export function segmentQueryError(error: SegmentError): AppError {
  const where = "line" in error ? `Line ${error.line}, column ${error.column}` : `At ${error.path}`;
  const hint = error.hint ? ` (${error.hint})` : "";
  const { message: _message, ...details } = error;
  return new AppError("validation_failed", `${where}: ${error.message}${hint}`, { details: { ...details } });
}

export function segmentWriteError(error: SegmentWriteError): AppError {
  switch (error.reason) {
    case "query":
      return segmentQueryError(error.error);
    case "push_mode":
      return new AppError("validation_failed", error.message, { details: { field: "pushMode", rule: error.rule ?? null } });
    case "not_found":
      return new AppError("not_found", error.message);
  }
}

/** The JSON body, parsed with `schema`; 400 `invalid_json` or `validation_failed` naming the first bad field. */
export async function readJsonBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const body: unknown = await c.req.json().catch(() => {
    throw new AppError("invalid_json", "The request body must be JSON.");
  });
  return readInput(schema, body);
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** The `:slug` path parameter; anything that cannot be a slug is simply not found. */
export function slugParam(c: Context<AppEnv>): string {
  const slug = c.req.param("slug") ?? "";
  if (!SLUG.test(slug)) throw new AppError("not_found", `No segment ${slug} in this workspace.`);
  return slug;
}
