import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { formatSegment, type SegmentError } from "./dsl/index.ts";
import { compileMemberCount, readSegmentQuery } from "./read-segment-query.ts";
import { SegmentQueryInput } from "./segment-input.ts";
import { translationOf, type Translation } from "./segment-view.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export const PreviewSegmentInput = z.object({ kind: z.enum(["customer", "product"]), query: SegmentQueryInput });

/** `canonical`: the query as SegOps prints it; `translation`: whether it can be pushed as a native Shopify segment. */
export type SegmentPreview = { count: number; canonical: string; translation: Translation };

/** Counts who a query would select right now, without saving anything: the editor's live preview. */
export async function previewSegment(args: { ctx: TenantContext; input: z.output<typeof PreviewSegmentInput> }): Promise<Result<SegmentPreview, SegmentError>> {
  const { ctx, input } = args;
  const now = Date.now();
  const query = readSegmentQuery(input.query, input.kind, ctx.tenantId, now);
  if (!query.ok) return err(query.error);
  const counted = compileMemberCount(query.value.ast, input.kind, ctx.tenantId, now);
  if (!counted.ok) return err(counted.error);
  const row = await openLaggedReads(ctx).d1.prepare(counted.value.sql)
    .bind(...counted.value.params)
    .first<{ count: number }>();
  return ok({ count: row?.count ?? 0, canonical: formatSegment(query.value.ast), translation: translationOf(query.value.ast, input.kind) });
}
