import { z } from "zod";
import { base64UrlToBytes, bytesToBase64Url, utf8 } from "../../lib/encoding.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { productsTable, profilesTable, segmentMembershipsTable } from "../../db/schema/index.ts";
import { tableNames } from "../../db/sql-names.ts";
import { findSegment } from "./find-segment.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export const ListSegmentMembersInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

/** A current member: the profile or product id, its Shopify id, and when this stay began. */
export type SegmentMember = { id: string; shopifyId: string | null; enteredAt: string };
export type SegmentMembersPage = { data: SegmentMember[]; nextCursor: string | null; count: number };

const M = tableNames(segmentMembershipsTable);
// The rows a member id points into, by segment kind, and the Shopify id they carry.
const MEMBER_ROWS = {
  customer: { ...tableNames(profilesTable), shopifyId: profilesTable.shopifyCustomerId.name },
  product: { ...tableNames(productsTable), shopifyId: productsTable.shopifyProductId.name },
};

const encodeCursor = (memberId: string) => bytesToBase64Url(utf8(memberId));
const decodeCursor = (cursor: string) => {
  const bytes = base64UrlToBytes(cursor);
  return bytes ? new TextDecoder().decode(bytes) : null;
};

/** Current members in id order, keyset-paginated so pages stay stable while recomputes run. */
export async function listSegmentMembers(args: {
  ctx: TenantContext;
  input: { slug: string } & z.output<typeof ListSegmentMembersInput>;
}): Promise<Result<SegmentMembersPage, { reason: "not_found" | "bad_cursor"; message: string }>> {
  const { ctx, input } = args;
  const after = input.cursor === undefined ? "" : decodeCursor(input.cursor);
  if (after === null) return err({ reason: "bad_cursor", message: "cursor is not one this API returned" });
  const segment = await findSegment({ ctx, input: { slug: input.slug } });
  if (!segment) return err({ reason: "not_found", message: `No segment ${input.slug} in this workspace.` });
  const x = MEMBER_ROWS[segment.kind];
  const { results } = await openLaggedReads(ctx).d1.prepare(
    `SELECT m.${M.memberId} AS id, x.${x.shopifyId} AS shopifyId, m.${M.enteredAt} AS enteredAt
     FROM ${M.$table} m LEFT JOIN ${x.$table} x ON x.${x.tenantId} = m.${M.tenantId} AND x.${x.id} = m.${M.memberId}
     WHERE m.${M.tenantId} = ?1 AND m.${M.segmentId} = ?2 AND m.${M.leftAt} IS NULL AND m.${M.memberId} > ?3
     ORDER BY m.${M.memberId} LIMIT ?4`,
  )
    .bind(ctx.tenantId, segment.id, after, input.limit + 1)
    .all<{ id: string; shopifyId: string | null; enteredAt: number }>();
  const page = results.slice(0, input.limit);
  const last = page.at(-1);
  return ok({
    data: page.map((row) => ({ id: row.id, shopifyId: row.shopifyId, enteredAt: new Date(row.enteredAt).toISOString() })),
    nextCursor: results.length > input.limit && last ? encodeCursor(last.id) : null,
    count: segment.memberCount,
  });
}
