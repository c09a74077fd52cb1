import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { afterCursor, keysetOrderBy, keysetPage, readCursor, type KeysetOrder } from "../../db/keyset-page.ts";
import { segmentsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { toSegmentView, type SegmentView } from "./segment-view.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export const ListSegmentsInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export type SegmentsPage = { data: SegmentView[]; nextCursor: string | null };

const SEGMENT_ORDER: KeysetOrder = { time: segmentsTable.createdAt, id: segmentsTable.id, direction: "asc" };

/** Live segments, oldest first, keyset-paginated on (created_at, id). */
export async function listSegments(args: { ctx: TenantContext; input: z.output<typeof ListSegmentsInput> }): Promise<Result<SegmentsPage, { message: string }>> {
  const { ctx, input } = args;
  const cursor = readCursor(input.cursor);
  if (!cursor.ok) return err(cursor.error);
  const rows = await openLaggedReads(ctx).db
    .select()
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), isNull(segmentsTable.deletedAt), afterCursor(SEGMENT_ORDER, cursor.value)))
    .orderBy(...keysetOrderBy(SEGMENT_ORDER))
    .limit(input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({ at: row.createdAt.getTime(), id: row.id }));
  return ok({ data: page.map(toSegmentView), nextCursor });
}
