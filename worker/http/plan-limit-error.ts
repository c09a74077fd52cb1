import { AppError } from "../errors.ts";
import type { PlanLimitRefusal } from "../services/billing/check-plan-limit.ts";

/** 402 `plan_limit`, naming the limit, the plan, what it allows, what is used and the plan that allows more. */
export function planLimitError(refusal: PlanLimitRefusal): AppError {
  const { message, ...details } = refusal;
  return new AppError("plan_limit", message, { details });
}
