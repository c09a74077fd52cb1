import type { TenantContext } from "../../context/deps.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { loadProductCards } from "../recommendations/load-product-cards.ts";
import { findShopper } from "../recommendations/find-shopper.ts";
import { recommendProducts, type Recommendation } from "../recommendations/recommend-products.ts";
import { findLandingPage } from "./find-landing-page.ts";
import { renderLandingPage } from "./render-landing-page.ts";

export type ServeLandingPageInput = {
  slug: string;
  /** `logged_in_customer_id` of the app proxy request; null or empty for a guest. */
  customerId: string | null;
  fragment: boolean;
  /** Preview from the admin: drafts render too. */
  preview?: boolean;
};

/**
 * A published page as Liquid for one shopper: a customer in the page's target segment sees its segment blocks,
 * and a rule's products are chosen from the customer's own segments and views (best sellers for a guest).
 */
export async function serveLandingPage({ ctx, input }: { ctx: TenantContext; input: ServeLandingPageInput }): Promise<Result<{ liquid: string; personalised: boolean }, { reason: "not_found" }>> {
  const found = await findLandingPage({ ctx, input: { slug: input.slug } });
  if (!found || (found.page.status !== "published" && !input.preview)) return err({ reason: "not_found" });
  const { page } = found;
  const shopper = input.customerId ? await findShopper({ ctx, input: { customerId: input.customerId } }) : null;
  const inTarget = Boolean(page.segmentId && shopper?.segments.some((segment) => segment.id === page.segmentId));
  let products: Recommendation[] = [];
  if (page.products.mode === "picks") {
    products = (await loadProductCards({ ctx, input: { productIds: page.products.productIds } })).map((card) => ({ ...card, reason: "picked" as const }));
  } else if (page.products.mode === "rule") {
    // A guest's "personal" picks are the shop's best sellers; only a "popular in segment" page shows its segment's to anyone.
    const segmentIds = page.products.rule === "popular_in_segment" && page.segmentId ? [page.segmentId] : [];
    const recommended = await recommendProducts({ ctx, input: { rule: page.products.rule, shopper, segmentIds, limit: page.products.limit } });
    products = recommended.products;
  }
  const blocks = inTarget && page.segmentBlocks ? page.segmentBlocks : page.blocks;
  const liquid = renderLandingPage({ slug: page.slug, title: page.title, body: page.body, blocks, products }, { fragment: input.fragment });
  return ok({ liquid, personalised: inTarget || Boolean(shopper) });
}
