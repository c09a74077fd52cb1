import type { BillingResponse } from "../../api/client.ts";
import { day, days, planName } from "./billing-format.ts";

/** The plan in force: its trial and days left, when Shopify next bills it, and a downgrade waiting for its period. */
export function SubscriptionSummary({ billing }: { billing: BillingResponse }) {
  const name = planName(billing, billing.plan);
  return (
    <s-section heading="Your plan">
      <s-stack gap="small">
        <s-stack direction="inline" gap="small">
          <s-heading>{name}</s-heading>
          {billing.trial && <s-badge tone="info">Trial</s-badge>}
          {billing.subscription?.test && <s-badge>Test charge</s-badge>}
        </s-stack>
        {billing.trial && <s-text>{`Trial: ${days(billing.trial.daysLeft)} left, until ${day(billing.trial.endsAt)}.`}</s-text>}
        {billing.renewsAt && <s-text>{`Next renewal: ${day(billing.renewsAt)}.`}</s-text>}
        {billing.plan === "starter" && <s-text color="subdued">Starter is free; there is no Shopify subscription to renew.</s-text>}
        {billing.scheduled && (
          <s-text>{`${planName(billing, billing.scheduled.plan)} starts ${billing.scheduled.startsAt ? `on ${day(billing.scheduled.startsAt)}` : "when this period ends"}.`}</s-text>
        )}
      </s-stack>
    </s-section>
  );
}
