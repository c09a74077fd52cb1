import type { TenantContext } from "../../context/deps.ts";
import { findLandingPage } from "./find-landing-page.ts";
import { landingPageView, type LandingPageView } from "./landing-page-view.ts";

/** One page of this tenant by slug, as the admin edits it; null when there is none. */
export async function getLandingPage({ ctx, input }: { ctx: TenantContext; input: { slug: string } }): Promise<LandingPageView | null> {
  const found = await findLandingPage({ ctx, input });
  return found ? landingPageView(found.page, found.segmentSlug) : null;
}
