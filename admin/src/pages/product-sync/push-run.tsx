import type { PushRun as Run } from "../../api/client.ts";

const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" }) : "—");

/** A metafield push: when it started and finished, what it wrote, and the first errors Shopify gave. */
export function PushRun({ run, heading }: { run: Run; heading: string }) {
  const open = run.status === "queued" || run.status === "running";
  const tone = open ? "info" : run.status === "succeeded" && run.errors === 0 ? "success" : run.status === "succeeded" ? "warning" : "critical";
  const label = open ? (run.status === "queued" ? "Queued" : "Running") : run.status === "succeeded" ? (run.errors === 0 ? "Succeeded" : "Succeeded with errors") : "Failed";
  return (
    <s-stack gap="small" id={`push-${run.id}`}>
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-heading>{heading}</s-heading>
        <s-badge tone={tone}>{label}</s-badge>
      </s-stack>
      <s-text>{`Started ${at(run.startedAt ?? run.createdAt)} · Finished ${open ? "—" : at(run.finishedAt)}`}</s-text>
      {open && run.total > 0 && <s-text>{`Checked ${run.seen.toLocaleString()} of ${run.total.toLocaleString()} products`}</s-text>}
      <s-text>{`${run.productsWritten.toLocaleString()} products written (${run.metafieldsWritten.toLocaleString()} metafields) · ${run.errors.toLocaleString()} errors`}</s-text>
      {run.error && <s-text tone="critical">{run.error}</s-text>}
      {run.errorSamples.length > 0 && (
        <s-unordered-list>
          {run.errorSamples.map((sample) => (
            <s-list-item key={sample}>{sample}</s-list-item>
          ))}
        </s-unordered-list>
      )}
    </s-stack>
  );
}
