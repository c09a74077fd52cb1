import type { TenantContext } from "../../context/deps.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { findShopper } from "../recommendations/find-shopper.ts";
import { choosePageProducts } from "./choose-page-products.ts";
import { findLandingPage } from "./find-landing-page.ts";
import { renderLandingPage } from "./render-landing-page.ts";

export type ServeLandingPageInput = {
  slug: string;
  /** `logged_in_customer_id` of the app proxy request; null or empty for a guest. */
  customerId: string | null;
  fragment: boolean;
};

/**
 * A published page as Liquid for one shopper: a customer in the page's target segment sees its segment blocks,
 * and a rule's products are chosen from the customer's own segments and views (best sellers for a guest).
 */
export async function serveLandingPage({ ctx, input }: { ctx: TenantContext; input: ServeLandingPageInput }): Promise<Result<{ liquid: string }, { reason: "not_found" }>> {
  const found = await findLandingPage({ ctx, input: { slug: input.slug } });
  if (found?.page.status !== "published") return err({ reason: "not_found" });
  const { page } = found;
  const shopper = input.customerId ? await findShopper({ ctx, input: { customerId: input.customerId } }) : null;
  const inTarget = Boolean(page.segmentId && shopper?.segments.some((segment) => segment.id === page.segmentId));
  const products = await choosePageProducts({ ctx, input: { products: page.products, segmentId: page.segmentId, shopper } });
  const blocks = inTarget && page.segmentBlocks ? page.segmentBlocks : page.blocks;
  const liquid = renderLandingPage({ slug: page.slug, title: page.title, body: page.body, blocks, products }, { fragment: input.fragment });
  return ok({ liquid });
}
