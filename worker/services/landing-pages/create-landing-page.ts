import type { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { landingPagesTable } from "../../db/schema/storefront.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { checkPlanLimit } from "../billing/check-plan-limit.ts";
import { findLandingPage } from "./find-landing-page.ts";
import type { CreateLandingPageInput, LandingPageWriteError } from "./landing-page-input.ts";
import { landingPageView, type LandingPageView } from "./landing-page-view.ts";
import { resolvePageRefs } from "./resolve-page-refs.ts";

/** A new page, within the plan's storefront surfaces; its slug is its storefront address, unique in the workspace. */
export async function createLandingPage({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.output<typeof CreateLandingPageInput>;
}): Promise<Result<LandingPageView, LandingPageWriteError>> {
  const allowed = await checkPlanLimit({ ctx, input: { limit: "storefrontSurfaces" } });
  if (!allowed.ok) return err({ reason: "plan_limit", message: allowed.error.message, refusal: allowed.error });
  const refs = await resolvePageRefs({ ctx, input });
  if (!refs.ok) return refs;
  const now = new Date();
  const inserted = await ctx.db
    .insert(landingPagesTable)
    .values({
      id: newId("landingPage"),
      tenantId: ctx.tenantId,
      slug: input.slug,
      title: input.title,
      body: input.body,
      blocks: input.blocks,
      segmentId: refs.value.segmentId ?? null,
      segmentBlocks: input.segmentBlocks,
      products: input.products,
      status: input.status,
      publishedAt: input.status === "published" ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: landingPagesTable.id });
  if (inserted.length === 0) return err({ reason: "slug_taken", message: `A page with slug ${input.slug} already exists.` });
  const created = await findLandingPage({ ctx, input: { slug: input.slug } });
  if (!created) throw new Error(`landing page ${input.slug} vanished after insert`);
  return ok(landingPageView(created.page, created.segmentSlug));
}
