import { and, eq, inArray, isNull } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { productsTable } from "../../db/schema/catalog.ts";
import type { LandingProducts } from "../../db/schema/storefront.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { findSegment } from "../segments/find-segment.ts";
import type { LandingPageWriteError } from "./landing-page-input.ts";

/** The target segment's id (a customer segment of this tenant) and a check that picked products are in its catalog. */
export async function resolvePageRefs({
  ctx,
  input: refs,
}: {
  ctx: TenantContext;
  input: { segment?: string | null; products?: LandingProducts };
}): Promise<Result<{ segmentId: string | null | undefined }, LandingPageWriteError>> {
  let segmentId: string | null | undefined = refs.segment === null ? null : undefined;
  if (refs.segment) {
    const segment = await findSegment({ ctx, input: { slug: refs.segment } });
    if (segment?.kind !== "customer") return err({ reason: "unknown_segment", message: `No customer segment ${refs.segment} in this workspace.` });
    segmentId = segment.id;
  }
  if (refs.products?.mode === "picks") {
    const wanted = [...new Set(refs.products.productIds)];
    const found = await ctx.db
      .select({ id: productsTable.shopifyProductId })
      .from(productsTable)
      .where(and(eq(productsTable.tenantId, ctx.tenantId), inArray(productsTable.shopifyProductId, wanted), isNull(productsTable.deletedAt)));
    const missing = wanted.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) return err({ reason: "unknown_products", message: `Not in this shop's catalog: ${missing.join(", ")}.` });
  }
  return ok({ segmentId });
}
