import { tenantControl, type TenantContext } from "../../context/deps.ts";
import type { Plan, SubscriptionStatus } from "../../db/schema/index.ts";
import type { BillingNotice } from "./billing-state.ts";
import { countUsage } from "./count-usage.ts";
import { loadBillingState } from "./load-billing-state.ts";
import { LIMIT_LABELS, PLAN_ORDER, PLAN_TABLE, type CountedLimit, type FeatureLimit, type PlanLimits } from "./plans.ts";

const COUNTED: readonly CountedLimit[] = ["eventsPerMonth", "profiles", "segments", "discounts", "storefrontSurfaces"];
const FEATURES: readonly FeatureLimit[] = ["nativeSegmentPush", "flow"];

export type BillingView = {
  plan: Plan;
  subscription: { id: string; status: SubscriptionStatus; test: boolean } | null;
  trial: { daysLeft: number; endsAt: string } | null;
  /** When Shopify next bills the subscription (the end of the trial while one runs). */
  renewsAt: string | null;
  /** An approved downgrade, starting when the current period ends. */
  scheduled: { plan: Plan; startsAt: string | null } | null;
  notice: (Omit<BillingNotice, "at"> & { at: string }) | null;
  /** Trial days a new subscription gets: what is left of the shop's 30, across reinstalls. */
  trialDaysAvailable: number;
  plans: { id: Plan; name: string; price: number; interval: "EVERY_30_DAYS" | null; trialDays: number; limits: PlanLimits; current: boolean }[];
  usage: { limit: CountedLimit; label: string; used: number; allowed: number }[];
  features: { limit: FeatureLimit; label: string; allowed: boolean }[];
};

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The Billing page: the plan in force, its subscription, trial and renewal, every plan, and usage against each limit. */
export async function describeBilling(args: { ctx: TenantContext; input: { shopDomain: string; now: number } }): Promise<BillingView> {
  const { ctx, input } = args;
  const [state, used] = await Promise.all([loadBillingState({ ctx: tenantControl(ctx), input }), countUsage({ ctx, input: { limits: COUNTED, now: input.now } })]);
  const limits = PLAN_TABLE[state.plan].limits;
  const periodEnd = state.active?.currentPeriodEnd?.getTime() ?? null;
  return {
    plan: state.plan,
    subscription: state.active ? { id: state.active.subscriptionGid, status: state.active.status, test: state.active.test } : null,
    trial: state.trial ? { daysLeft: state.trial.daysLeft, endsAt: iso(state.trial.endsAt)! } : null,
    renewsAt: iso(periodEnd),
    scheduled: state.scheduled ? { plan: state.scheduled.plan, startsAt: iso(periodEnd) } : null,
    notice: state.notice ? { ...state.notice, at: iso(state.notice.at)! } : null,
    trialDaysAvailable: state.trialDaysAvailable,
    plans: PLAN_ORDER.map((id) => {
      const { name, price, interval, trialDays, limits: planLimits } = PLAN_TABLE[id];
      return { id, name, price, interval, trialDays: Math.min(trialDays, state.trialDaysAvailable), limits: planLimits, current: id === state.plan };
    }),
    usage: COUNTED.map((limit) => ({ limit, label: LIMIT_LABELS[limit], used: used[limit], allowed: limits[limit] })),
    features: FEATURES.map((limit) => ({ limit, label: LIMIT_LABELS[limit], allowed: limits[limit] })),
  };
}
