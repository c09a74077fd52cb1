import type { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { rowWhere } from "../../db/row-where.ts";
import { landingPagesTable } from "../../db/schema/storefront.ts";
import { newId } from "../../lib/ids.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { checkPlanLimit, type PlanLimitRefusal } from "../billing/check-plan-limit.ts";
import { writeWithinPlan } from "../billing/write-within-plan.ts";
import { findLandingPage } from "./find-landing-page.ts";
import type { CreateLandingPageInput, LandingPageWriteError } from "./landing-page-input.ts";
import { landingPageView, type LandingPageView } from "./landing-page-view.ts";
import { resolvePageRefs } from "./resolve-page-refs.ts";

const planRefused = (refusal: PlanLimitRefusal): LandingPageWriteError => ({ reason: "plan_limit", message: refusal.message, refusal });

/** A new page, within the plan's storefront surfaces; its slug is its storefront address, unique in the workspace. */
export async function createLandingPage({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.output<typeof CreateLandingPageInput>;
}): Promise<Result<LandingPageView, LandingPageWriteError>> {
  const allowed = await checkPlanLimit({ ctx, input: { limit: "storefrontSurfaces" } });
  if (!allowed.ok) return err(planRefused(allowed.error));
  const refs = await resolvePageRefs({ ctx, input });
  if (!refs.ok) return refs;
  const now = new Date();
  const row = {
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
  };
  const saved = await writeWithinPlan({
    ctx,
    input: {
      limit: "storefrontSurfaces",
      write: async (room) =>
        (await ctx.db.insert(landingPagesTable).select(rowWhere(landingPagesTable, row, room)).onConflictDoNothing().returning({ id: landingPagesTable.id }))[0],
    },
  });
  if (!saved.ok) return err(planRefused(saved.error));
  if (!saved.value) return err({ reason: "slug_taken", message: `A page with slug ${input.slug} already exists.` });
  const created = await findLandingPage({ ctx, input: { slug: input.slug } });
  if (!created) throw new Error(`landing page ${input.slug} vanished after insert`);
  return ok(landingPageView(created.page, created.segmentSlug));
}
