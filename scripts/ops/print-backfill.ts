import { printRows } from "./print-rows.ts";

// The fields printed here of `BackfillView` (worker/services/backfill/describe-backfill.ts): this script runs in
// Node, where the worker's modules and their Workers types do not typecheck.
type BackfillView = {
  job: { id: string; status: string; reason: string | null; error: string | null } | null;
  notice: string | null;
  percent: number;
  resources: (Record<string, unknown> & { error: { message: string; action: string } | null })[];
};

/** What `GET|POST /ops/backfill` answer (worker/routes/ops/backfills.ts). */
export type OpsBackfillResponse = { tenantId: string; backfill: BackfillView };

/** One line for the job, one row per resource, and the 60-day notice when there is one. */
export function printBackfill({ tenantId, backfill }: OpsBackfillResponse): void {
  const job = backfill.job;
  console.log(job ? `tenant ${tenantId}: job ${job.id} ${job.status} (${job.reason ?? "?"}), ${backfill.percent}%${job.error ? ` — ${job.error}` : ""}` : `tenant ${tenantId}: no backfill yet`);
  if (backfill.notice) console.log(backfill.notice);
  printRows(
    backfill.resources.map((r) => ({ ...r, error: r.error ? `${r.error.message} ${r.error.action}` : null })),
    ["resource", "phase", "since", "rowsSeen", "rowsWritten", "expectedRows", "skipped", "percent", "error"],
  );
}
