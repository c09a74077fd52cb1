import type { BillingOutcome, BillingResponse } from "../../api/client.ts";
import { day, days, planName } from "./billing-format.ts";

type Notice = NonNullable<BillingResponse["notice"]>;

const WHY: Record<Notice["status"], (plan: string) => { heading: string; detail: string }> = {
  DECLINED: (plan) => ({ heading: `The ${plan} subscription was declined`, detail: "It was declined on Shopify's approval page, so Shopify bills nothing for it." }),
  EXPIRED: (plan) => ({ heading: `The ${plan} subscription expired`, detail: "It was not approved in time, so it never started." }),
  FROZEN: (plan) => ({ heading: `The ${plan} subscription is frozen`, detail: "Shopify froze it because the store's Shopify bill is unpaid. Once the bill is paid, choose the plan again." }),
  CANCELLED: (plan) => ({ heading: `The ${plan} subscription was cancelled`, detail: "It no longer applies: Shopify bills nothing more for it." }),
};

/** Why the last subscription asked for is not in force, and which plan is (Starter when no paid plan is active). */
function NoticeBanner({ billing, notice }: { billing: BillingResponse; notice: Notice }) {
  const { heading, detail } = WHY[notice.status](planName(billing, notice.plan));
  const now = planName(billing, billing.plan);
  const inForce = billing.plan === "starter" ? "This workspace is on Starter, with Starter's limits." : `This workspace stays on ${now}.`;
  return (
    <s-banner tone={notice.status === "CANCELLED" ? "info" : "warning"} heading={heading}>
      <s-paragraph>
        {detail} {inForce}
      </s-paragraph>
    </s-banner>
  );
}

/** What came of the plan the merchant approved on Shopify's page, shown on the return. */
function ApprovedBanner({ billing, outcome }: { billing: BillingResponse; outcome: BillingOutcome }) {
  const name = planName(billing, outcome.plan);
  if (outcome.status === "ACTIVE") {
    const trial = billing.trial && billing.plan === outcome.plan ? ` Your free trial has ${days(billing.trial.daysLeft)} left, until ${day(billing.trial.endsAt)}.` : "";
    return <s-banner tone="success" heading={`${name} is active`}>{`Its limits apply from now on.${trial}`}</s-banner>;
  }
  const startsAt = billing.scheduled?.startsAt;
  return (
    <s-banner tone="info" heading={`${name} is approved`}>
      {startsAt ? `It starts on ${day(startsAt)}, when the period already paid for ends.` : "It starts when Shopify activates it."}
    </s-banner>
  );
}

/** The return from Shopify's approval page, then any subscription that is not in force and why. */
export function BillingBanners({ billing, outcome }: { billing: BillingResponse; outcome: BillingOutcome | null }) {
  const approved = outcome && ["ACTIVE", "PENDING", "ACCEPTED"].includes(outcome.status);
  return (
    <>
      {approved && <ApprovedBanner billing={billing} outcome={outcome} />}
      {billing.notice && <NoticeBanner billing={billing} notice={billing.notice} />}
    </>
  );
}
