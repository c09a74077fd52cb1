import { sql, type SQL } from "drizzle-orm";
import { tenantControl, type TenantContext } from "../../context/deps.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { checkPlanLimit, type PlanLimitRefusal } from "./check-plan-limit.ts";
import { usageRows, type RowLimit } from "./count-usage.ts";
import { PLAN_TABLE } from "./plans.ts";
import { readPlan } from "./read-plan.ts";

/** Tries for a write whose guard failed while the plan has room again: places freed between two statements. */
export const PLAN_WRITE_ATTEMPTS = 3;

/**
 * Adds one more of `limit` in a statement guarded by `room` (`rowWhere` of an insert, the `where` of an update), which
 * holds while the plan in force has a free place: counted and written in one statement, so concurrent writes cannot
 * pass the limit together. `write` answers what it wrote, or undefined: then the plan refuses, or (the plan has room)
 * a place was freed since, tried again up to `attempts` times, or the write failed for a reason of its own (null).
 */
export async function writeWithinPlan<T>(args: {
  ctx: TenantContext;
  input: { limit: RowLimit; write: (room: SQL) => Promise<T | undefined>; attempts?: number };
}): Promise<Result<T | null, PlanLimitRefusal>> {
  const { ctx, input } = args;
  const allowed = PLAN_TABLE[await readPlan({ ctx: tenantControl(ctx) })].limits[input.limit];
  const rows = usageRows(input.limit, ctx.tenantId);
  const room = sql`(select count(*) from ${rows.table} where ${rows.where}) < ${allowed}`;
  for (let attempt = 1; ; attempt++) {
    const written = await input.write(room);
    if (written !== undefined) return ok(written);
    const checked = await checkPlanLimit({ ctx, input: { limit: input.limit } });
    if (!checked.ok) return err(checked.error);
    if (attempt >= (input.attempts ?? 1)) return ok(null);
  }
}
