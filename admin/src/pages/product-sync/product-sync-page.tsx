import { useState } from "preact/hooks";
import { Bootstrapped } from "../../components/bootstrapped.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { CatalogScores } from "./catalog-scores.tsx";
import { CatalogSummary } from "./catalog-summary.tsx";
import { PushNow } from "./push-now.tsx";
import { SyncSwitches } from "./sync-switches.tsx";
import { useCatalogSummary } from "./use-catalog-summary.ts";
import { useProductSync } from "./use-product-sync.ts";

function ProductSync({ shop }: { shop: string }) {
  // Bumped when a push ends: it scored products and wrote their metafields, so the table and summary are re-read.
  const [version, setVersion] = useState(0);
  const sync = useProductSync(() => setVersion((n) => n + 1));
  const summary = useCatalogSummary(version);
  return (
    <s-page heading="Product sync">
      {sync.state.status === "loading" && <LoadingState label="Loading product sync…" />}
      {sync.state.status === "error" && <ErrorState title="Product sync could not be loaded" error={sync.state.error} onRetry={() => void sync.reload()} />}
      {sync.state.status === "ready" && (
        <>
          <s-section heading="Sync">
            <SyncSwitches view={sync.state.view} onSaved={sync.update} />
          </s-section>
          <PushNow view={sync.state.view} onStarted={sync.reload} />
        </>
      )}
      {sync.pollError && <ErrorState title="The push's progress could not be read; retrying" error={sync.pollError} />}
      {summary.state.status === "loading" && <LoadingState label="Loading your catalog…" />}
      {summary.state.status === "error" && <ErrorState title="The catalog could not be loaded" error={summary.state.error} onRetry={summary.retry} />}
      {summary.state.status === "ready" && summary.state.summary.total === 0 && (
        <EmptyState heading="No products yet">
          SegOps scores the products it gets from Shopify. They arrive with the history backfill and each product webhook; see the Dashboard for the backfill's progress.
        </EmptyState>
      )}
      {summary.state.status === "ready" && summary.state.summary.total > 0 && (
        <>
          <CatalogSummary summary={summary.state.summary} />
          <CatalogScores summary={summary.state.summary} shop={shop} version={version} />
        </>
      )}
    </s-page>
  );
}

/** Product sync: the catalog's AI readability, each product's recommendations, the sync switches and the metafield push. */
export function ProductSyncPage() {
  return <Bootstrapped>{(data) => <ProductSync shop={data.tenant.shop} />}</Bootstrapped>;
}
