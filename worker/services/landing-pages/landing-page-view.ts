import type { landingPagesTable, LandingBlock, LandingProducts } from "../../db/schema/storefront.ts";

export type LandingPageView = {
  id: string;
  slug: string;
  title: string;
  body: string;
  blocks: LandingBlock[];
  segment: string | null;
  segmentBlocks: LandingBlock[] | null;
  products: LandingProducts;
  status: "draft" | "published";
  /** Where shoppers find it: `/apps/segops/pages/<slug>` on the storefront (the app proxy). */
  storefrontPath: string;
  publishedAt: string | null;
  updatedAt: string;
};

export const STOREFRONT_PROXY_PATH = "/apps/segops";

export function landingPageView(row: typeof landingPagesTable.$inferSelect, segmentSlug: string | null): LandingPageView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body: row.body,
    blocks: row.blocks,
    segment: segmentSlug,
    segmentBlocks: row.segmentBlocks,
    products: row.products,
    status: row.status,
    storefrontPath: `${STOREFRONT_PROXY_PATH}/pages/${row.slug}`,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
