import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../../api/api-error.ts";
import type { PrivacyRequest } from "../../../api/client.ts";
import { DataTable } from "../../../components/data-table.tsx";
import { EmptyState } from "../../../components/empty-state.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { useAdmin } from "../../../state/admin-context.tsx";
import { usePrivacyRequests } from "./use-privacy-requests.ts";

const KIND = { customers_data_request: "Customer data request", customers_redact: "Customer erasure", shop_redact: "Store erasure" } as const;

const STATUS = {
  received: { label: "Queued", tone: "info" },
  running: { label: "In progress", tone: "info" },
  completed: { label: "Completed", tone: "success" },
  failed: { label: "Failed, retrying", tone: "critical" },
} as const;

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—");

function kilobytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Mints a 5-minute link for this export and hands it to the browser as a download. */
function ExportCell({ request, onError }: { request: PrivacyRequest; onError: (error: ApiError) => void }) {
  const { api } = useAdmin();
  const [busy, setBusy] = useState(false);
  if (request.kind !== "customers_data_request") return <s-text color="subdued">—</s-text>;
  if (!request.export) return <s-text color="subdued">{request.status === "completed" ? "—" : "Being prepared"}</s-text>;
  if (request.export.state === "deleted") return <s-text color="subdued">Deleted after 30 days</s-text>;
  const download = async () => {
    setBusy(true);
    try {
      const link = await api.privacy.exportLink(request.id);
      const anchor = document.createElement("a");
      anchor.href = link.url;
      anchor.download = `segops-customer-export-${request.id}.json`;
      anchor.click();
      shopify.toast.show("Export download started");
    } catch (error) {
      onError(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <s-button loading={busy} onClick={() => void download()} accessibilityLabel={`Download the export of request ${request.id}`}>
      {`Download (${kilobytes(request.export.bytes)})`}
    </s-button>
  );
}

/** Shopify's privacy requests for the store: received, due, completed, status, and each data request's export. */
export function PrivacyRequests() {
  const { state, pollError, reload, showOlder } = usePrivacyRequests();
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  if (state.status === "loading") return <LoadingState label="Loading privacy requests…" />;
  if (state.status === "error") return <ErrorState title="Privacy requests could not be loaded" error={state.error} onRetry={() => void reload()} />;
  return (
    <s-section heading="Privacy requests">
      <s-stack gap="base">
        <s-paragraph color="subdued">
          Shopify forwards your customers' data and erasure requests, and asks for your store's data to be erased 48 hours after you
          uninstall. SegOps carries each one out as soon as it arrives and must finish within 30 days. Exports can be downloaded for 30
          days.
        </s-paragraph>
        {pollError && <ErrorState title="The list could not be refreshed" error={pollError} />}
        {downloadError && <ErrorState title="The export could not be downloaded" error={downloadError} />}
        {state.requests.length === 0 ? (
          <EmptyState heading="No privacy requests yet">When a customer asks Shopify for their data or for its erasure, the request appears here.</EmptyState>
        ) : (
          <DataTable headers={["Request", "Customer", "Received", "Due", "Completed", "Status", "Export"]}>
            {state.requests.map((request) => (
              <s-table-row key={request.id}>
                <s-table-cell>{KIND[request.kind]}</s-table-cell>
                <s-table-cell>{request.customerId ?? "—"}</s-table-cell>
                <s-table-cell>{date(request.receivedAt)}</s-table-cell>
                <s-table-cell>{date(request.dueAt)}</s-table-cell>
                <s-table-cell>{date(request.completedAt)}</s-table-cell>
                <s-table-cell>
                  <s-stack direction="inline" gap="small-300">
                    <s-badge tone={STATUS[request.status].tone}>{STATUS[request.status].label}</s-badge>
                    {request.atRisk && <s-badge tone="warning">At risk</s-badge>}
                  </s-stack>
                </s-table-cell>
                <s-table-cell>
                  <ExportCell request={request} onError={setDownloadError} />
                </s-table-cell>
              </s-table-row>
            ))}
          </DataTable>
        )}
        {state.nextCursor && (
          <s-stack direction="inline">
            <s-button onClick={() => void showOlder()}>Show older requests</s-button>
          </s-stack>
        )}
      </s-stack>
    </s-section>
  );
}
