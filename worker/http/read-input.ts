import type { z } from "zod";
import { AppError } from "../errors.ts";

/** Parses query or path input, or answers 400 `validation_failed` naming the first bad field. */
export function readInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError("validation_failed", `${issue?.path.join(".") || "input"}: ${issue?.message ?? "is invalid"}`);
}
