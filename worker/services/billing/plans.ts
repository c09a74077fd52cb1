import { PLANS, type Plan } from "../../db/schema/index.ts";

/** The plan ids, for validating input. */
export const PLAN_IDS = PLANS;

/** What a plan allows; counts are maxima, booleans are features. */
export type PlanLimits = {
  /** Events stored per billing month (UTC calendar month), webhook, pixel and API alike; backfilled history is free. */
  eventsPerMonth: number;
  /** Customer profiles held (every Shopify customer is one). */
  profiles: number;
  /** Segments defined (suggestions count once accepted). */
  segments: number;
  /** Active segment discounts. */
  discounts: number;
  /** Storefront surfaces: landing pages served through the theme block and app proxy. */
  storefrontSurfaces: number;
  /** Segments pushed as native Shopify segments (tag pushes are on every plan). */
  nativeSegmentPush: boolean;
  /** Flow triggers fired and Flow actions run. */
  flow: boolean;
};

export type LimitName = keyof PlanLimits;
export type CountedLimit = { [K in LimitName]: PlanLimits[K] extends number ? K : never }[LimitName];
export type FeatureLimit = Exclude<LimitName, CountedLimit>;

export type PlanDefinition = {
  id: Plan;
  name: string;
  /** USD per interval; Starter is free and has no Shopify subscription. */
  price: number;
  interval: "EVERY_30_DAYS" | null;
  /** The trial a shop is offered on this plan, if it has not used its trial days already (trial-ledger.ts). */
  trialDays: number;
  limits: PlanLimits;
};

/** Every plan, in upgrade order: the one place prices, trials and limits are written (the README repeats it). */
export const PLAN_TABLE: Readonly<Record<Plan, PlanDefinition>> = {
  starter: {
    id: "starter",
    name: "Starter",
    price: 0,
    interval: null,
    trialDays: 0,
    limits: { eventsPerMonth: 10_000, profiles: 1_000, segments: 3, discounts: 1, storefrontSurfaces: 1, nativeSegmentPush: false, flow: false },
  },
  growth: {
    id: "growth",
    name: "Growth",
    price: 49,
    interval: "EVERY_30_DAYS",
    trialDays: 30,
    limits: { eventsPerMonth: 250_000, profiles: 25_000, segments: 25, discounts: 5, storefrontSurfaces: 5, nativeSegmentPush: true, flow: true },
  },
  scale: {
    id: "scale",
    name: "Scale",
    price: 199,
    interval: "EVERY_30_DAYS",
    trialDays: 30,
    limits: { eventsPerMonth: 2_000_000, profiles: 250_000, segments: 200, discounts: 25, storefrontSurfaces: 25, nativeSegmentPush: true, flow: true },
  },
};

export const PLAN_ORDER: readonly Plan[] = ["starter", "growth", "scale"];

export const LIMIT_LABELS: Readonly<Record<LimitName, string>> = {
  eventsPerMonth: "Events this month",
  profiles: "Customer profiles",
  segments: "Segments",
  discounts: "Active discounts",
  storefrontSurfaces: "Storefront surfaces",
  nativeSegmentPush: "Native Shopify segments",
  flow: "Shopify Flow",
};

/** The Shopify subscription name of a paid plan; the nightly check reads the plan back from it. */
export const subscriptionName = (plan: Plan): string => `SegOps ${PLAN_TABLE[plan].name}`;

export function planBySubscriptionName(name: string): Plan | null {
  return PLAN_ORDER.find((plan) => plan !== "starter" && subscriptionName(plan) === name.trim()) ?? null;
}

/** Moving to a dearer plan: applied at once; a cheaper paid plan waits for the paid period to end. */
export const isUpgrade = (from: Plan, to: Plan): boolean => PLAN_TABLE[to].price > PLAN_TABLE[from].price;

/** The first plan, in upgrade order, that allows more of `limit` than `plan` does (the upgrade a refusal offers). */
export function nextPlanFor(plan: Plan, limit: LimitName): Plan | null {
  const allows = (candidate: Plan) => {
    const have = PLAN_TABLE[plan].limits[limit];
    const offered = PLAN_TABLE[candidate].limits[limit];
    return typeof offered === "boolean" ? offered && !have : offered > (have as number);
  };
  return PLAN_ORDER.slice(PLAN_ORDER.indexOf(plan) + 1).find(allows) ?? null;
}
