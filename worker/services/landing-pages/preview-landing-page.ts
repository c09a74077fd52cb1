import type { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { choosePageProducts } from "./choose-page-products.ts";
import type { LandingPageWriteError, PreviewLandingPageInput } from "./landing-page-input.ts";
import { renderLandingPage } from "./render-landing-page.ts";
import { resolvePageRefs } from "./resolve-page-refs.ts";

export type LandingPagePreview = { html: string; audience: "everyone" | "segment"; productIds: string[] };

/**
 * The editor's page as HTML before it is saved: what a guest sees, or a member of its target segment (its segment
 * blocks, and a rule's products drawn from that segment). Drafts and published pages preview alike.
 */
export async function previewLandingPage({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.output<typeof PreviewLandingPageInput>;
}): Promise<Result<LandingPagePreview, LandingPageWriteError>> {
  const { page, audience } = input;
  const refs = await resolvePageRefs({ ctx, input: page });
  if (!refs.ok) return refs;
  const segmentId = refs.value.segmentId ?? null;
  if (audience === "segment" && !segmentId) return err({ reason: "unknown_segment", message: "Choose a target segment to preview the page as one of its members." });
  const asMember = audience === "segment";
  const products = await choosePageProducts({ ctx, input: { products: page.products, segmentId, shopper: null, segmentIds: asMember && segmentId ? [segmentId] : [] } });
  const blocks = asMember && page.segmentBlocks ? page.segmentBlocks : page.blocks;
  const html = renderLandingPage({ slug: page.slug, title: page.title, body: page.body, blocks, products }, { fragment: false, preview: true });
  return ok({ html, audience, productIds: products.map((product) => product.productId) });
}
