import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { TenantControl } from "../../context/deps.ts";
import { runStatements } from "../../db/run-statements.ts";
import { billingSubscriptionsTable, billingTrialsTable } from "../../db/schema/index.ts";
import { shopHash } from "../privacy/index.ts";
import { col } from "../../db/sql-names.ts";

export const TRIAL_ALLOWANCE_DAYS = 30;
export const DAY_MS = 86_400_000;

/** The key of a shop's row in `billing_trials`: privacy's keyed hash of the shop, so erasing the shop keeps its trial. */
export const shopTrialKey = (encryptionKey: string, shopDomain: string): Promise<string> => shopHash(encryptionKey, shopDomain);

type TrialSpan = { trialDays: number; activatedAt: Date | null; endedAt: Date | null };

/** Days of its trial a subscription has used by `now`: every started day counts, never more than it was given. */
export function trialDaysUsedBy(subscription: TrialSpan, now: number): number {
  if (!subscription.activatedAt || subscription.trialDays <= 0) return 0;
  const end = Math.min(subscription.endedAt?.getTime() ?? now, now);
  const started = Math.max(0, end - subscription.activatedAt.getTime());
  return Math.min(subscription.trialDays, Math.ceil(started / DAY_MS));
}

/** Trial days the shop used in subscriptions already settled: earlier plans, earlier installs, erased workspaces. */
export async function readSettledTrialDays(args: { ctx: TenantControl; input: { shopDomain: string } }): Promise<number> {
  const { ctx, input } = args;
  const key = await shopTrialKey(ctx.config.TOKEN_ENCRYPTION_KEY, input.shopDomain);
  const row = await ctx.db.select({ daysUsed: billingTrialsTable.daysUsed }).from(billingTrialsTable).where(eq(billingTrialsTable.shopHash, key)).get();
  return row?.daysUsed ?? 0;
}

const DAY = sql.raw(String(DAY_MS));

/**
 * Moves the trial days of the tenant's ended subscriptions into the shop's ledger row, each subscription once: the
 * sum and the `trial_counted` marks are one transaction, so a retried or concurrent settlement adds nothing twice.
 */
export async function settleTrialDays(args: { ctx: TenantControl; input: { shopDomain: string; now: number } }): Promise<void> {
  const { ctx, input } = args;
  const key = await shopTrialKey(ctx.config.TOKEN_ENCRYPTION_KEY, input.shopDomain);
  const s = billingSubscriptionsTable;
  const uncounted = and(eq(s.tenantId, ctx.tenantId), eq(s.trialCounted, false), gt(s.trialDays, 0), isNotNull(s.activatedAt), isNotNull(s.endedAt));
  // Started days, as trialDaysUsedBy counts them: ceil((ended - activated) / day), capped at the days given.
  const used = sql`min(${s.trialDays}, (max(0, ${s.endedAt} - ${s.activatedAt}) + ${DAY} - 1) / ${DAY})`;
  const t = billingTrialsTable;
  await runStatements(ctx.d1, [
    sql`
      insert into ${t} (${col(t.shopHash)}, ${col(t.daysUsed)}, ${col(t.updatedAt)})
      select ${key}, coalesce(sum(${used}), 0), ${input.now} from ${s} where ${uncounted}
      on conflict (${col(t.shopHash)}) do update set
        ${col(t.daysUsed)} = min(${TRIAL_ALLOWANCE_DAYS}, ${t.daysUsed} + excluded.${col(t.daysUsed)}), ${col(t.updatedAt)} = excluded.${col(t.updatedAt)}`,
    sql`update ${s} set ${col(s.trialCounted)} = 1 where ${uncounted}`,
  ]);
}
