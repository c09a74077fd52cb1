import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { BackfillResponse } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";

type Resource = BackfillResponse["resources"][number];

const POLL_MS = 2000;

const PHASES: Record<Resource["phase"], { label: string; tone: "neutral" | "info" | "success" | "critical" }> = {
  pending: { label: "Waiting", tone: "neutral" },
  exporting: { label: "Shopify is exporting", tone: "info" },
  downloading: { label: "Downloading", tone: "info" },
  writing: { label: "Importing", tone: "info" },
  aggregating: { label: "Updating customer totals", tone: "info" },
  done: { label: "Done", tone: "success" },
  failed: { label: "Failed", tone: "critical" },
};

const minutes = (seconds: number | null) => (seconds === null ? "" : seconds < 90 ? " · under 2 minutes left" : ` · about ${Math.ceil(seconds / 60)} minutes left`);

function ResourceRow({ resource }: { resource: Resource }) {
  const phase = PHASES[resource.phase];
  const rows = resource.expectedRows === null ? `${resource.rowsWritten.toLocaleString()}` : `${resource.rowsWritten.toLocaleString()} of ${resource.expectedRows.toLocaleString()}`;
  return (
    <s-table-row>
      <s-table-cell>{resource.label}</s-table-cell>
      <s-table-cell>
        <s-badge tone={phase.tone}>{phase.label}</s-badge>
      </s-table-cell>
      <s-table-cell>
        <s-progress value={resource.percent} max={100} tone={phase.tone === "critical" ? "critical" : "auto"} accessibilityLabel={`${resource.label}: ${resource.percent}%`} />
      </s-table-cell>
      <s-table-cell>
        {resource.error ? (
          <s-text tone="critical">
            {resource.error.message} {resource.error.action}
          </s-text>
        ) : (
          <s-text color="subdued">{rows} imported</s-text>
        )}
      </s-table-cell>
    </s-table-row>
  );
}

/** The history backfill, live: a progress bar per resource, what failed and what to do, and re-running it. */
export function BackfillProgress() {
  const { api } = useAdmin();
  const [view, setView] = useState<BackfillResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (view && !view.running) return;
    const timer = setTimeout(() => api.backfill.load().then(setView, (failure) => setError(toApiError(failure))), view || error ? POLL_MS : 0);
    return () => clearTimeout(timer);
  }, [view, error]);

  const rerun = async () => {
    setStarting(true);
    try {
      setView(await api.backfill.start());
      setError(null);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setStarting(false);
    }
  };

  if (!view) return error ? <ErrorState title="Backfill progress could not be loaded" error={error} /> : null;
  const summary = !view.job
    ? "The history backfill has not started yet."
    : view.running
      ? `Importing your store's history: ${view.percent}%${minutes(view.etaSeconds)}.`
      : view.job.status === "succeeded"
        ? "Your store's history is imported."
        : "The history backfill stopped; each failed part below says what to do.";
  return (
    <s-section heading="History backfill">
      <s-stack gap="base">
        <s-text>{summary}</s-text>
        <s-progress value={view.percent} max={100} tone="auto" accessibilityLabel={`History backfill: ${view.percent}%`} />
        {view.notice && <s-banner tone="warning">{view.notice}</s-banner>}
        {error && <ErrorState title="The backfill could not be updated" error={error} />}
        <DataTable headers={["Records", "Status", "Progress", "Details"]}>
          {view.resources.map((resource) => (
            <ResourceRow key={resource.resource} resource={resource} />
          ))}
        </DataTable>
        {!view.running && (
          <s-stack direction="inline" gap="small" alignItems="center">
            <s-button loading={starting} onClick={() => void rerun()}>
              Run the backfill again
            </s-button>
            <s-text color="subdued">Re-reading history never counts an order twice.</s-text>
          </s-stack>
        )}
      </s-stack>
    </s-section>
  );
}
