import type { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";

export type Unmappable = { reason: string };

/** safeParse as a Result whose reason names the first offending path, for the quarantine row. */
export function readWith<S extends z.ZodType>(schema: S, payload: unknown, what: string): Result<z.output<S>, Unmappable> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join(".") : "(root)";
  return err({ reason: `${what}: ${path} ${issue?.message ?? "is invalid"}` });
}
