import { useCallback, useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { LandingPageView } from "../../api/client.ts";
import { Bootstrapped } from "../../components/bootstrapped.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { LandingPageEditor } from "./landing-page-editor.tsx";
import { LandingPageList } from "./landing-page-list.tsx";
import { LANDING_PAGES_CSS } from "./landing-pages-styles.ts";

type Loaded = { status: "loading" } | { status: "ready"; pages: LandingPageView[]; segments: { slug: string; name: string }[] } | { status: "error"; error: ApiError };

export function LandingPagesPage() {
  return <Bootstrapped>{(data) => <LandingPages shop={data.tenant.shop} />}</Bootstrapped>;
}

/** The workspace's landing pages and the editor for a new or an existing one. */
function LandingPages({ shop }: { shop: string }) {
  const { api } = useAdmin();
  const [state, setState] = useState<Loaded>({ status: "loading" });
  const [open, setOpen] = useState<string | "new" | null>(null);
  const reload = useCallback(async () => {
    try {
      const [pages, segments] = await Promise.all([api.landingPages.list(), api.segments.list()]);
      const customerSegments = segments.data.filter((segment) => segment.kind === "customer").map(({ slug, name }) => ({ slug, name }));
      setState({ status: "ready", pages: pages.data, segments: customerSegments });
    } catch (error) {
      setState({ status: "error", error: toApiError(error) });
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);
  const opened = state.status === "ready" && open && open !== "new" ? (state.pages.find((page) => page.slug === open) ?? null) : null;

  return (
    <s-page heading="Landing pages">
      <style>{LANDING_PAGES_CSS}</style>
      <s-button slot="primary-action" variant="primary" onClick={() => setOpen("new")}>New landing page</s-button>
      {state.status === "ready" && (open === "new" || opened) && (
        <LandingPageEditor
          key={opened ? `${opened.slug}:${opened.updatedAt}` : "new"}
          api={api.landingPages}
          page={opened}
          segments={state.segments}
          shop={shop}
          apiKey={shopify.config.apiKey}
          onSaved={(page) => {
            setOpen(page.slug);
            void reload();
          }}
          onDeleted={() => {
            setOpen(null);
            void reload();
          }}
        />
      )}
      <s-section heading="Your landing pages">
        {state.status === "loading" && <LoadingState label="Loading landing pages…" />}
        {state.status === "error" && <ErrorState title="Landing pages could not be loaded" error={state.error} onRetry={() => void reload()} />}
        {state.status === "ready" &&
          (state.pages.length === 0 ? (
            <EmptyState heading="No landing pages yet">Create one with "New landing page": shoppers reach it at /apps/segops/pages/your-slug.</EmptyState>
          ) : (
            <LandingPageList pages={state.pages} onOpen={setOpen} />
          ))}
      </s-section>
    </s-page>
  );
}
