import type { SetupResponse } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { useSetupProgress } from "./use-setup-progress.ts";

type Step = SetupResponse["steps"][number];

const STATUS: Record<Step["status"], { label: string; tone: "neutral" | "info" | "success" | "critical" }> = {
  pending: { label: "Pending", tone: "neutral" },
  running: { label: "Running", tone: "info" },
  done: { label: "Done", tone: "success" },
  failed: { label: "Failed", tone: "critical" },
};

function StepRow({ step }: { step: Step }) {
  const status = STATUS[step.status];
  return (
    <s-table-row>
      <s-table-cell>{step.label}</s-table-cell>
      <s-table-cell>
        <s-badge tone={status.tone}>{status.label}</s-badge>
      </s-table-cell>
      <s-table-cell>{step.error ? <s-text tone="critical">{step.error}</s-text> : <s-text color="subdued">{step.detail ?? ""}</s-text>}</s-table-cell>
    </s-table-row>
  );
}

/** Each install step with its status, live while setup runs, and a Retry once it has stopped on a failure. */
export function SetupProgress({ initial, onChange }: { initial: SetupResponse; onChange: (setup: SetupResponse) => void }) {
  const { setup, pollError, retrying, retry } = useSetupProgress(initial, onChange);
  const done = setup.steps.filter((step) => step.status === "done").length;
  const summary = setup.complete
    ? "SegOps is set up on your store."
    : setup.failed
      ? "Setup stopped on a step that failed."
      : `Setting up SegOps on your store: ${done} of ${setup.steps.length} steps done.`;
  return (
    <s-section heading="Setup">
      <s-stack gap="base">
        <s-stack direction="inline" gap="small" alignItems="center">
          {!setup.complete && !setup.failed && <s-spinner accessibilityLabel="Setup is running" size="base" />}
          <s-text>{summary}</s-text>
        </s-stack>
        {setup.failed && (
          <s-stack direction="inline" gap="small" alignItems="center">
            <s-button variant="primary" loading={retrying} onClick={() => void retry()}>
              Retry setup
            </s-button>
            <s-text color="subdued">Fix what the failed step says, then retry: finished steps are not run again.</s-text>
          </s-stack>
        )}
        {pollError && <ErrorState title="Setup progress could not be refreshed" error={pollError} />}
        <DataTable headers={["Step", "Status", "Details"]}>
          {setup.steps.map((step) => (
            <StepRow key={step.key} step={step} />
          ))}
        </DataTable>
      </s-stack>
    </s-section>
  );
}
