import { useState } from "preact/hooks";
import type { CatalogQuery, CatalogRow, CatalogSummary } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { CatalogFilters } from "./catalog-filters.tsx";
import { CatalogTable } from "./catalog-table.tsx";
import { ProductRecommendations } from "./product-recommendations.tsx";
import { useCatalogPage } from "./use-catalog-page.ts";

const LIMIT = 25;

/** The whole catalog's scores, sorted, filtered and paged by the server; a product opens to its recommendations. */
export function CatalogScores({ summary, shop, version }: { summary: CatalogSummary; shop: string; version: number }) {
  const [query, setQuery] = useState<CatalogQuery>({ page: "1", limit: String(LIMIT), sort: "score", direction: "asc" });
  const [open, setOpen] = useState<CatalogRow | null>(null);
  const { state, retry } = useCatalogPage(query, version);
  const change = (next: Partial<CatalogQuery>) => setQuery({ ...query, ...next, page: "1" });
  const pageNumber = Number(query.page ?? 1);

  const page = state.status === "error" ? null : state.page;
  const pages = page ? Math.max(1, Math.ceil(page.total / LIMIT)) : 1;
  return (
    <>
      <s-section heading="Product scores">
        <s-stack gap="base">
          <CatalogFilters filters={query} summary={summary} onChange={change} />
          {state.status === "error" && <ErrorState title="The product scores could not be loaded" error={state.error} onRetry={retry} />}
          {state.status === "loading" && !page && <LoadingState label="Loading product scores…" />}
          {page && page.total === 0 && <s-paragraph color="subdued">No product matches these filters.</s-paragraph>}
          {page && page.total > 0 && (
            <>
              <CatalogTable rows={page.data} openId={open?.id ?? null} onOpen={(row) => setOpen(open?.id === row.id ? null : row)} />
              <s-stack direction="inline" gap="small" alignItems="center">
                <s-button disabled={pageNumber <= 1 || state.status === "loading"} onClick={() => setQuery({ ...query, page: String(pageNumber - 1) })}>
                  Previous
                </s-button>
                <s-text>{`Page ${pageNumber} of ${pages} · ${page.total.toLocaleString()} products`}</s-text>
                <s-button disabled={pageNumber >= pages || state.status === "loading"} onClick={() => setQuery({ ...query, page: String(pageNumber + 1) })}>
                  Next
                </s-button>
                {state.status === "loading" && <s-spinner accessibilityLabel="Loading" size="base" />}
              </s-stack>
            </>
          )}
        </s-stack>
      </s-section>
      {open && <ProductRecommendations key={open.id} row={open} shop={shop} onClose={() => setOpen(null)} />}
    </>
  );
}
