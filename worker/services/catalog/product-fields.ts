/**
 * What SegOps keeps of a product whoever described it (a webhook, the backfill, the admin): the columns of its
 * catalog row and `data` (options, variants, images, SEO) in a webhook's key names, which `productSet` sends back.
 */
export type ProductFields = {
  handle: string | null;
  title: string;
  vendor: string | null;
  productType: string | null;
  status: string | null;
  tags: string[];
  data: Record<string, unknown>;
};
