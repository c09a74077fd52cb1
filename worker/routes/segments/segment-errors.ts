import { AppError } from "../../errors.ts";
import { planLimitError } from "../../http/plan-limit-error.ts";
import type { SegmentError } from "../../services/segments/dsl/index.ts";
import type { SegmentWriteError } from "../../services/segments/segment-input.ts";

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
    case "plan_limit":
      return planLimitError(error.refusal);
  }
}
