import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { segmentsTable } from "../../db/schema/index.ts";
import { decodeKeysetCursor, encodeKeysetCursor } from "../../lib/keyset-cursor.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../deps.ts";
import { toSegmentView, type SegmentView } from "./segment-view.ts";

export const ListSegmentsInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export type SegmentsPage = { data: SegmentView[]; nextCursor: string | null };

/** Live segments, oldest first, keyset-paginated on (created_at, id). */
export async function listSegments(args: { ctx: TenantContext; input: z.output<typeof ListSegmentsInput> }): Promise<Result<SegmentsPage, { message: string }>> {
  const { ctx, input } = args;
  const cursor = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
  if (cursor === null) return err({ message: "cursor is not one this API returned" });
  const after = cursor
    ? or(gt(segmentsTable.createdAt, new Date(cursor.at)), and(eq(segmentsTable.createdAt, new Date(cursor.at)), gt(segmentsTable.id, cursor.id)))
    : undefined;
  const rows = await ctx.db
    .select()
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), isNull(segmentsTable.deletedAt), after))
    .orderBy(asc(segmentsTable.createdAt), asc(segmentsTable.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return ok({
    data: page.map(toSegmentView),
    nextCursor: rows.length > input.limit && last ? encodeKeysetCursor({ at: last.createdAt.getTime(), id: last.id }) : null,
  });
}
