import type { CatalogSummary as Summary } from "../../api/client.ts";
import { PRODUCT_SYNC_CSS } from "./product-sync-styles.ts";
import { ScoreDistributionChart } from "./score-distribution-chart.tsx";

/** The catalog at a glance: the median score, how many products score under 50, and the spread of scores. */
export function CatalogSummary({ summary }: { summary: Summary }) {
  const unscored = summary.total - summary.scored;
  return (
    <s-section heading="AI readability of your catalog">
      <style>{PRODUCT_SYNC_CSS}</style>
      <s-stack gap="base">
        <s-stack direction="inline" gap="large-200">
          <s-stack gap="small-500">
            <s-text color="subdued">Median score</s-text>
            <s-heading>{summary.median === null ? "—" : `${summary.median} / 100`}</s-heading>
          </s-stack>
          <s-stack gap="small-500">
            <s-text color="subdued">Below 50</s-text>
            <s-heading>{`${summary.below50.toLocaleString()} products`}</s-heading>
          </s-stack>
          <s-stack gap="small-500">
            <s-text color="subdued">Scored</s-text>
            <s-heading>{`${summary.scored.toLocaleString()} of ${summary.total.toLocaleString()}`}</s-heading>
          </s-stack>
        </s-stack>
        {summary.scored > 0 && <ScoreDistributionChart distribution={summary.distribution} />}
        {unscored > 0 && <s-text color="subdued">{`${unscored.toLocaleString()} products are not scored yet: the nightly run or Push now scores them.`}</s-text>}
      </s-stack>
    </s-section>
  );
}
