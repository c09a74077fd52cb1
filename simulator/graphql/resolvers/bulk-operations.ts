import type { GraphQLResolveInfo } from "graphql";
import { inspectBulkQuery } from "../../bulk/inspect-bulk-query.ts";
import { writeJsonl } from "../../bulk/write-jsonl.ts";
import { gid, parseId } from "../../lib/ids.ts";
import { isoTime } from "../../lib/time.ts";
import { storeNow } from "../../store/create-shop.ts";
import type { BulkOperationRecord } from "../../types.ts";
import { inBackground } from "../../webhooks/dispatch.ts";
import { emitWebhooks } from "../../webhooks/emit.ts";
import { bulkFinishPayload } from "../../webhooks/payloads/shop.ts";
import type { GqlContext, Resolver } from "../context.ts";
import { connection, paginate, type PageArgs } from "../paginate.ts";

const MAX_CONCURRENT = 5;

export function bulkResultUrl(gql: GqlContext, operation: BulkOperationRecord): string | null {
  if (operation.status !== "COMPLETED" || operation.objectCount === 0) return null;
  const base = gql.sim.options.publicUrl ?? gql.origin;
  return `${base.replace(/\/$/, "")}/_sim/bulk/${gql.shop.domain}/${operation.id}.jsonl`;
}

export function bulkNode(gql: GqlContext, operation: BulkOperationRecord) {
  return {
    __typename: "BulkOperation",
    id: gid("BulkOperation", operation.id),
    status: operation.status,
    errorCode: operation.errorCode,
    createdAt: isoTime(operation.createdAt),
    completedAt: operation.completedAt === null ? null : isoTime(operation.completedAt),
    objectCount: String(operation.objectCount),
    rootObjectCount: String(operation.rootObjectCount),
    fileSize: operation.status === "COMPLETED" ? String(operation.fileSize) : null,
    url: bulkResultUrl(gql, operation),
    partialDataUrl: null,
    query: operation.query,
    type: "QUERY",
  };
}

async function finish(gql: GqlContext, operation: BulkOperationRecord, document: import("graphql").DocumentNode): Promise<void> {
  if (operation.status !== "RUNNING") return;
  const result = await writeJsonl(gql.schema, document, { ...gql, now: storeNow(gql.shop) }, !operation.groupObjects && gql.shop.settings.bulkChildrenFirst);
  // Cancelled while the file was being written.
  if (operation.status !== "RUNNING") return;
  operation.completedAt = storeNow(gql.shop);
  if (result.accessDenied) {
    operation.status = "FAILED";
    operation.errorCode = "ACCESS_DENIED";
  } else {
    Object.assign(operation, { status: "COMPLETED", chunks: result.chunks, objectCount: result.objectCount, rootObjectCount: result.rootObjectCount, fileSize: result.fileSize });
  }
  await emitWebhooks(gql.sim, gql.shop, [{ topic: "bulk_operations/finish", payload: bulkFinishPayload(gql.shop, operation) }]);
}

export const bulkOperationRunQuery: Resolver = (_source, args, gql) => {
  const active = gql.shop.bulkOperations.filter((op) => op.status === "CREATED" || op.status === "RUNNING").length;
  if (active >= MAX_CONCURRENT) {
    return { bulkOperation: null, userErrors: [{ code: "LIMIT_REACHED", field: null, message: `A maximum of ${MAX_CONCURRENT} bulk query operations can run at the same time per shop.` }] };
  }
  gql.sim.recordDocument({ kind: "bulk", operationName: null, query: String(args.query) });
  const check = inspectBulkQuery(gql.schema, String(args.query));
  if (!check.ok) return { bulkOperation: null, userErrors: [{ code: "INVALID", field: ["query"], message: check.message }] };
  const operation: BulkOperationRecord = {
    id: String(gql.shop.nextId.misc++),
    status: "CREATED",
    query: String(args.query),
    groupObjects: Boolean(args.groupObjects),
    createdAt: gql.now,
    completedAt: null,
    objectCount: 0,
    rootObjectCount: 0,
    fileSize: 0,
    errorCode: null,
    chunks: null,
  };
  gql.shop.bulkOperations.push(operation);
  const created = bulkNode(gql, operation);
  operation.status = "RUNNING";
  const timer = setTimeout(() => {
    gql.sim.timers.delete(timer);
    inBackground(gql.sim, finish(gql, operation, check.document));
  }, gql.shop.settings.bulkDelayMs);
  gql.sim.timers.add(timer);
  return { bulkOperation: created, userErrors: [] };
};

export const bulkOperationCancel: Resolver = (_source, args, gql) => {
  const operation = gql.shop.bulkOperations.find((op) => op.id === parseId(String(args.id)).id);
  if (!operation) return { bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] };
  if (operation.status !== "RUNNING" && operation.status !== "CREATED") {
    return { bulkOperation: bulkNode(gql, operation), userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}` }] };
  }
  operation.status = "CANCELED";
  operation.completedAt = gql.now;
  return { bulkOperation: bulkNode(gql, operation), userErrors: [] };
};

export const currentBulkOperation: Resolver = (_source, _args, gql) => {
  const latest = gql.shop.bulkOperations.at(-1);
  return latest ? bulkNode(gql, latest) : null;
};

export const bulkOperations: Resolver = (_source, args, gql, info: GraphQLResolveInfo) => {
  const page = paginate(gql.shop.bulkOperations, (op) => [Number(op.id), op.id], args as PageArgs, gql, info);
  return connection(page, (op) => bulkNode(gql, op));
};
