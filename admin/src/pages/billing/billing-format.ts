import type { BillingPlanId, BillingResponse } from "../../api/client.ts";

export type BillingPlan = BillingResponse["plans"][number];

export const count = (value: number) => value.toLocaleString("en-US");
export const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
export const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
export const price = (plan: BillingPlan) => (plan.price === 0 ? "Free" : `$${plan.price} every 30 days`);

/** A plan's name as the table in the response spells it. */
export function planName(billing: BillingResponse, id: BillingPlanId): string {
  return billing.plans.find((plan) => plan.id === id)?.name ?? id;
}
