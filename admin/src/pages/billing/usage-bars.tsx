import type { BillingResponse } from "../../api/client.ts";
import { count } from "./billing-format.ts";

type Usage = BillingResponse["usage"][number];

const PERIOD_NOTE: Partial<Record<Usage["limit"], string>> = { eventsPerMonth: "Counted per calendar month (UTC)." };

/** A warning from 80 %, critical at the limit: what Polaris' tones say at a glance. */
const toneOf = (row: Usage) => (row.used >= row.allowed ? "critical" : row.used >= 0.8 * row.allowed ? "caution" : "auto");

/** Usage against each counted limit of the plan in force, as bars, and the features it has or lacks. */
export function UsageBars({ billing }: { billing: BillingResponse }) {
  return (
    <s-section heading="Usage">
      <s-stack gap="base">
        {billing.usage.map((row) => (
          <s-stack key={row.limit} gap="small-200" aria-label={`${row.label} usage`}>
            <s-stack direction="inline" justifyContent="space-between">
              <s-text type="strong">{row.label}</s-text>
              <s-text fontVariantNumeric="tabular-nums">{`${count(row.used)} of ${count(row.allowed)}`}</s-text>
            </s-stack>
            <s-progress value={Math.min(row.used, row.allowed)} max={row.allowed} tone={toneOf(row)} accessibilityLabel={`${row.label}: ${count(row.used)} of ${count(row.allowed)} used`} />
            {row.used >= row.allowed && <s-text tone="critical">Limit reached: upgrade for more.</s-text>}
            {PERIOD_NOTE[row.limit] && <s-text color="subdued">{PERIOD_NOTE[row.limit]}</s-text>}
          </s-stack>
        ))}
        <s-stack direction="inline" gap="small">
          {billing.features.map((feature) => (
            <s-badge key={feature.limit} tone={feature.allowed ? "success" : "neutral"}>
              {`${feature.label}: ${feature.allowed ? "included" : "not on this plan"}`}
            </s-badge>
          ))}
        </s-stack>
      </s-stack>
    </s-section>
  );
}
