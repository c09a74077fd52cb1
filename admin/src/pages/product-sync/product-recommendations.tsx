import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { CatalogRow, ProductScore } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { ScoreBadge } from "./score-badge.tsx";
import { shopifyProductUrl } from "./shopify-admin-url.ts";

type DetailState = { status: "loading" } | { status: "ready"; view: ProductScore } | { status: "error"; error: ApiError };

/** One product's ranked recommendations, each with the points its fix adds, and a link to edit it in Shopify admin. */
export function ProductRecommendations({ row, shop, onClose }: { row: CatalogRow; shop: string; onClose: () => void }) {
  const { api } = useAdmin();
  const [state, setState] = useState<DetailState>({ status: "loading" });
  const load = async () => {
    setState({ status: "loading" });
    try {
      setState({ status: "ready", view: await api.catalog.score(row.id) });
    } catch (error) {
      setState({ status: "error", error: toApiError(error) });
    }
  };
  useEffect(() => void load(), [api, row.id]);

  if (state.status === "loading") return <LoadingState label={`Loading the recommendations for ${row.title}…`} />;
  if (state.status === "error") return <ErrorState title={`The recommendations for ${row.title} could not be loaded`} error={state.error} onRetry={() => void load()} />;
  const { view } = state;
  return (
    <s-section heading={`Recommendations for ${view.title}`}>
      <s-stack gap="base">
        <s-stack direction="inline" gap="small" alignItems="center">
          <ScoreBadge score={view.score} />
          {view.shopifyProductId && (
            <a href={shopifyProductUrl(shop, view.shopifyProductId)} target="_top">
              Edit in Shopify admin
            </a>
          )}
          <s-button variant="tertiary" onClick={onClose}>
            Close
          </s-button>
        </s-stack>
        {view.score === null && <s-paragraph color="subdued">Not scored yet: Push now or the nightly run scores it.</s-paragraph>}
        {view.score !== null && view.recommendations.length === 0 && <s-paragraph>Nothing to fix: AI assistants can read everything they look for.</s-paragraph>}
        {view.recommendations.length > 0 && (
          <s-ordered-list>
            {view.recommendations.map((recommendation) => (
              <s-list-item key={recommendation.code}>
                <s-stack gap="small-500">
                  <s-text type="strong">{`+${recommendation.points} points`}</s-text>
                  <s-text>{recommendation.message}</s-text>
                </s-stack>
              </s-list-item>
            ))}
          </s-ordered-list>
        )}
      </s-stack>
    </s-section>
  );
}
