import type { BackfillResource } from "../../../queues/backfill-messages.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { AdminContext } from "../../context/admin-context.ts";
import type { AdminClient, AdminGraphqlError } from "../../shopify/admin-graphql.ts";
import type { BulkNode } from "./join-bulk-lines.ts";
import { NESTED, nestedPageQuery, pageQuery, rootField, searchSince } from "./resource-queries.ts";

type Connection = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Record<string, unknown>[] };

/**
 * Page sizes that keep every query under Shopify's 1,000-point cap (a connection costs 2 + page size × node cost):
 * e.g. 10 orders × (20 line items × 4 + 13) ≈ 930 points.
 */
const PAGE: Record<BackfillResource, { first: number; nested: number }> = {
  orders: { first: 10, nested: 20 },
  customers: { first: 100, nested: 0 },
  products: { first: 20, nested: 20 },
  abandoned_checkouts: { first: 10, nested: 20 },
};

export type RecentPage = { records: BulkNode[]; after: string | null };

/** A page of records updated since `since`, each with all its nested children (fetched further when a record has more). */
export async function readRecentPage(args: {
  ctx: AdminContext;
  input: { resource: BackfillResource; since: number; after: string | null };
}): Promise<Result<RecentPage, AdminGraphqlError>> {
  const { admin } = args.ctx;
  const { resource, since, after } = args.input;
  const { first, nested } = PAGE[resource];
  const read = await admin.request<Record<string, Connection>>(pageQuery(resource, nested), { first, after, query: searchSince("updated_at", since) });
  if (!read.ok) return read;
  const page = read.value[rootField(resource)]!;
  const records: BulkNode[] = [];
  for (const node of page.nodes) {
    const value = { ...node };
    const children: BulkNode["children"] = {};
    for (const { field, type } of NESTED[resource]) {
      delete value[field];
      const connection = node[field] as Connection | undefined;
      const rest = await readRestOfConnection(admin, resource, field, String(node.id), connection);
      if (!rest.ok) return rest;
      children[type] = rest.value.map((child) => ({ value: child, children: {} }));
    }
    records.push({ value, children });
  }
  return ok({ records, after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null });
}

async function readRestOfConnection(
  admin: AdminClient,
  resource: BackfillResource,
  field: string,
  id: string,
  connection: Connection | undefined,
): Promise<Result<Record<string, unknown>[], AdminGraphqlError>> {
  if (!connection) return err({ kind: "graphql", message: `${resource} page without ${field}` });
  const nodes = [...connection.nodes];
  let info = connection.pageInfo;
  while (info.hasNextPage) {
    const more = await admin.request<{ node: Record<string, Connection> | null }>(nestedPageQuery(resource, field), { id, after: info.endCursor });
    if (!more.ok) return more;
    const next = more.value.node?.[field];
    if (!next) break;
    nodes.push(...next.nodes);
    info = next.pageInfo;
  }
  return ok(nodes);
}
