import { tenantControl, type TenantContext } from "../../context/deps.ts";
import type { Plan } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { countUsage } from "./count-usage.ts";
import { LIMIT_LABELS, nextPlanFor, PLAN_TABLE, type CountedLimit, type LimitName } from "./plans.ts";
import { readPlan } from "./read-plan.ts";

/** Why an action is refused by the plan: the route answers 402 `plan_limit` with it, the admin offers `upgradeTo`. */
export type PlanLimitRefusal = {
  limit: LimitName;
  /** The limit as the Billing page names it, e.g. "Segments". */
  label: string;
  plan: Plan;
  allowed: number | boolean;
  /** What the workspace holds now (null for a feature the plan does not have). */
  used: number | null;
  upgradeTo: Plan | null;
  message: string;
};

/**
 * Whether the plan in force allows the action: a feature (`nativeSegmentPush`, `flow`) is on or off; a counted limit
 * allows `adding` more (default 1; 0 asks whether the workspace is within it). Every feature that a plan limits calls
 * this before it acts, and maps a refusal to `planLimitError` (worker/http/plan-limit-error.ts).
 */
export async function checkPlanLimit(args: {
  ctx: TenantContext;
  input: { limit: LimitName; adding?: number; now?: number };
}): Promise<Result<void, PlanLimitRefusal>> {
  const { ctx, input } = args;
  const plan = await readPlan({ ctx: tenantControl(ctx) });
  const allowed = PLAN_TABLE[plan].limits[input.limit];
  const upgradeTo = nextPlanFor(plan, input.limit);
  const offer = upgradeTo ? ` Upgrade to ${PLAN_TABLE[upgradeTo].name} for ${typeof allowed === "boolean" ? "it" : "more"}.` : "";
  const planName = PLAN_TABLE[plan].name;
  if (typeof allowed === "boolean") {
    if (allowed) return ok(undefined);
    const message = `${LIMIT_LABELS[input.limit]} is not part of the ${planName} plan.${offer}`;
    return err({ limit: input.limit, label: LIMIT_LABELS[input.limit], plan, allowed, used: null, upgradeTo, message });
  }
  const limit = input.limit as CountedLimit;
  const used = (await countUsage({ ctx, input: { limits: [limit], now: input.now ?? Date.now() } }))[limit];
  if (used + (input.adding ?? 1) <= allowed) return ok(undefined);
  const message = `The ${planName} plan allows ${allowed.toLocaleString("en-US")} (${LIMIT_LABELS[limit].toLowerCase()}); this workspace has ${used.toLocaleString("en-US")}.${offer}`;
  return err({ limit, label: LIMIT_LABELS[limit], plan, allowed, used, upgradeTo, message });
}
