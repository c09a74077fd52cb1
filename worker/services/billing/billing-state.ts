import type { billingSubscriptionsTable, Plan, SubscriptionStatus } from "../../db/schema/index.ts";
import { ENDED_STATUSES } from "./subscription-rows.ts";
import { DAY_MS, TRIAL_ALLOWANCE_DAYS, trialDaysUsedBy } from "./trial-ledger.ts";

export type SubscriptionRecord = typeof billingSubscriptionsTable.$inferSelect;

/** Why the last subscription the merchant asked for is not in force (the Billing page's banner). */
export type BillingNotice = { status: Extract<SubscriptionStatus, "DECLINED" | "EXPIRED" | "FROZEN" | "CANCELLED">; plan: Plan; at: number };

export type BillingState = {
  plan: Plan;
  active: SubscriptionRecord | null;
  /** Approved, waiting for the active subscription's period to end (a downgrade). */
  scheduled: SubscriptionRecord | null;
  notice: BillingNotice | null;
  trial: { daysLeft: number; endsAt: number } | null;
  /** Trial days a new subscription would get. */
  trialDaysAvailable: number;
};

const newestFirst = (rows: readonly SubscriptionRecord[]) => rows.toSorted((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

/**
 * The plan in force is the newest ACTIVE subscription's; without one it is Starter. Declined, expired, frozen and
 * cancelled subscriptions are never in force, and the newest of all names the banner when it ended that way.
 */
export function deriveBillingState(rows: readonly SubscriptionRecord[], settledTrialDays: number, now: number): BillingState {
  const sorted = newestFirst(rows);
  const active = sorted.find((row) => row.status === "ACTIVE") ?? null;
  const newest = sorted[0];
  const notice =
    newest && newest !== active && (ENDED_STATUSES as readonly string[]).includes(newest.status)
      ? { status: newest.status as BillingNotice["status"], plan: newest.plan, at: newest.statusAt.getTime() }
      : null;
  const scheduled =
    sorted.find((row) => (row.status === "PENDING" || row.status === "ACCEPTED") && row.approvedAt && (!active || row.createdAt > active.createdAt)) ?? null;
  const running = rows.filter((row) => !row.trialCounted).reduce((days, row) => days + trialDaysUsedBy(row, now), 0);
  const trialEnd = active?.activatedAt && active.trialDays > 0 ? active.activatedAt.getTime() + active.trialDays * DAY_MS : null;
  return {
    plan: active?.plan ?? "starter",
    active,
    scheduled,
    notice,
    trial: trialEnd !== null && trialEnd > now ? { daysLeft: Math.ceil((trialEnd - now) / DAY_MS), endsAt: trialEnd } : null,
    trialDaysAvailable: Math.max(0, TRIAL_ALLOWANCE_DAYS - settledTrialDays - running),
  };
}
