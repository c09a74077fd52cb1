import type { BackfillFailure } from "../../../durable-objects/backfill-progress.ts";
import type { BackfillResource } from "../../../queues/backfill-messages.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { AdminContext } from "../../context/admin-context.ts";
import { adminFailure } from "./backfill-failures.ts";
import { bulkQuery, RESOURCE_LABELS, searchSince } from "./resource-queries.ts";

const RUN_QUERY = `mutation RunBulkExport($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: false) { bulkOperation { id status } userErrors { code field message } }
}`;

type RunQueryData = {
  bulkOperationRunQuery: { bulkOperation: { id: string; status: string } | null; userErrors: { code: string | null; message: string }[] } | null;
};

/** `busy`: five exports already run on the shop; `retry`: Shopify is unavailable; `failed`: waiting will not help. */
export type ExportRefusal = { kind: "busy" } | { kind: "retry"; message: string } | { kind: "failed"; failure: BackfillFailure };

/** Starts Shopify's bulk export of one resource (API 2026-07, ungrouped: children may come anywhere in the file). */
export async function submitBulkExport(args: {
  ctx: AdminContext;
  input: { resource: BackfillResource; since: number | null };
}): Promise<Result<{ operationId: string }, ExportRefusal>> {
  const { ctx, input } = args;
  const { resource, since } = input;
  const what = RESOURCE_LABELS[resource];
  const sent = await ctx.admin.request<RunQueryData>(RUN_QUERY, { query: bulkQuery(resource, searchSince("created_at", since)) });
  if (!sent.ok) {
    return sent.error.kind === "unavailable" ? err({ kind: "retry", message: sent.error.message }) : err({ kind: "failed", failure: adminFailure(what, sent.error) });
  }
  const payload = sent.value.bulkOperationRunQuery;
  const userErrors = payload?.userErrors ?? [];
  if (userErrors.some((e) => e.code === "LIMIT_REACHED" || e.code === "OPERATION_IN_PROGRESS")) return err({ kind: "busy" });
  if (!payload?.bulkOperation || userErrors.length > 0) {
    const message = userErrors.map((e) => e.message).join("; ") || "no bulk operation returned";
    return err({ kind: "failed", failure: adminFailure(what, { kind: "graphql", message }) });
  }
  return ok({ operationId: payload.bulkOperation.id });
}
