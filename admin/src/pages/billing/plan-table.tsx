import type { BillingPlanId, BillingResponse } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { count, days, price, type BillingPlan } from "./billing-format.ts";

type Limits = BillingPlan["limits"];

const ROWS: { label: string; value: (limits: Limits) => string }[] = [
  { label: "Events stored per month", value: (l) => count(l.eventsPerMonth) },
  { label: "Customer profiles", value: (l) => count(l.profiles) },
  { label: "Segments", value: (l) => count(l.segments) },
  { label: "Active segment discounts", value: (l) => count(l.discounts) },
  { label: "Storefront surfaces", value: (l) => count(l.storefrontSurfaces) },
  { label: "Native Shopify segments", value: (l) => (l.nativeSegmentPush ? "Yes" : "No") },
  { label: "Shopify Flow", value: (l) => (l.flow ? "Yes" : "No") },
];

/** The trial the shop would get on a plan; on the current one, what is left of its own. */
function trialOf(plan: BillingPlan, billing: BillingResponse): string {
  if (plan.price === 0) return "—";
  if (plan.current) return billing.trial ? `${days(billing.trial.daysLeft)} left` : "—";
  return plan.trialDays > 0 ? days(plan.trialDays) : "Used up";
}

type PlanTableProps = { billing: BillingResponse; choosing: BillingPlanId | null; onChoose: (plan: BillingPlanId) => void };

function ChooseButton({ plan, billing, choosing, onChoose }: { plan: BillingPlan } & PlanTableProps) {
  if (plan.current) return <s-badge tone="success">Current plan</s-badge>;
  if (billing.scheduled?.plan === plan.id) return <s-badge tone="info">Starts next period</s-badge>;
  const label = plan.id === "starter" ? "Switch to Starter" : `Choose ${plan.name}`;
  return (
    <s-button variant={plan.price > 0 ? "primary" : "secondary"} loading={choosing === plan.id} disabled={choosing !== null && choosing !== plan.id} onClick={() => onChoose(plan.id)}>
      {label}
    </s-button>
  );
}

/** Every plan side by side, its price, trial and limits, with the current one marked and the others to choose. */
export function PlanTable(props: PlanTableProps) {
  const { plans } = props.billing;
  return (
    <s-section heading="Plans">
      <s-stack gap="base">
        <DataTable headers={["", ...plans.map((plan) => plan.name)]}>
          <s-table-row>
            <s-table-cell>Price</s-table-cell>
            {plans.map((plan) => (
              <s-table-cell key={plan.id}>{price(plan)}</s-table-cell>
            ))}
          </s-table-row>
          <s-table-row>
            <s-table-cell>Free trial</s-table-cell>
            {plans.map((plan) => (
              <s-table-cell key={plan.id}>{trialOf(plan, props.billing)}</s-table-cell>
            ))}
          </s-table-row>
          {ROWS.map((row) => (
            <s-table-row key={row.label}>
              <s-table-cell>{row.label}</s-table-cell>
              {plans.map((plan) => (
                <s-table-cell key={plan.id}>{row.value(plan.limits)}</s-table-cell>
              ))}
            </s-table-row>
          ))}
          <s-table-row>
            <s-table-cell />
            {plans.map((plan) => (
              <s-table-cell key={plan.id}>
                <ChooseButton {...props} plan={plan} />
              </s-table-cell>
            ))}
          </s-table-row>
        </DataTable>
        <s-paragraph color="subdued">
          Shopify bills the plan with your store's bill. An upgrade applies at once; a cheaper paid plan starts when the period already paid for
          ends. A shop gets 30 trial days once, across plans and reinstalls.
        </s-paragraph>
      </s-stack>
    </s-section>
  );
}
