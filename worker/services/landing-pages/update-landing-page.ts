import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { landingPagesTable } from "../../db/schema/storefront.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { findLandingPage } from "./find-landing-page.ts";
import type { LandingPageWriteError, UpdateLandingPageInput } from "./landing-page-input.ts";
import { landingPageView, type LandingPageView } from "./landing-page-view.ts";
import { resolvePageRefs } from "./resolve-page-refs.ts";

/** Changes the given fields; publishing stamps `publishedAt` (kept while it stays published), unpublishing clears it. */
export async function updateLandingPage({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { slug: string; changes: z.output<typeof UpdateLandingPageInput> };
}): Promise<Result<LandingPageView, LandingPageWriteError>> {
  const current = await findLandingPage({ ctx, input: { slug: input.slug } });
  if (!current) return err({ reason: "not_found", message: `No landing page ${input.slug} in this workspace.` });
  const { segment, status, ...fields } = input.changes;
  const refs = await resolvePageRefs({ ctx, input: input.changes });
  if (!refs.ok) return refs;
  const now = new Date();
  const publishedAt = status === undefined ? undefined : status === "published" ? (current.page.publishedAt ?? now) : null;
  await ctx.db
    .update(landingPagesTable)
    .set({
      ...fields,
      ...(status === undefined ? {} : { status, publishedAt }),
      ...(segment === undefined ? {} : { segmentId: refs.value.segmentId ?? null }),
      updatedAt: now,
    })
    .where(and(eq(landingPagesTable.tenantId, ctx.tenantId), eq(landingPagesTable.id, current.page.id)));
  const updated = await findLandingPage({ ctx, input: { slug: input.slug } });
  if (!updated) return err({ reason: "not_found", message: `No landing page ${input.slug} in this workspace.` });
  return ok(landingPageView(updated.page, updated.segmentSlug));
}
