import type { TenantContext } from "../../../context/deps.ts";
import { scoreProducts } from "../score-products.ts";
import { digestOf, metafieldValues, readDigests, type MetafieldDigests } from "./metafield-values.ts";
import { readProductSegments, readPushPage } from "./read-push-page.ts";
import type { PendingMetafield } from "./send-metafields.ts";

/** A page of the catalog made ready to send: what differs from the digests Shopify last confirmed. */
export type PreparedPage = {
  /** The last product id of the page: the cursor once every metafield of the page is settled. */
  lastId: string;
  size: number;
  scored: number;
  pending: PendingMetafield[];
  /** Per product of the page, the digests stored when it was read. */
  digests: Map<string, MetafieldDigests>;
};

/**
 * Reads the page after `cursor`, scores the products changed since their last score, and diffs the four metafields
 * against their stored digests. Answers null at the end of the catalog.
 */
export async function preparePushPage(args: { ctx: TenantContext; input: { cursor: string | null; limit: number } }): Promise<PreparedPage | null> {
  const { ctx, input } = args;
  const page = await readPushPage({ ctx, input });
  if (page.length === 0) return null;
  const due = page.filter((row) => row.due).map((row) => row.id);
  const { scored } = due.length > 0 ? await scoreProducts({ ctx, input: { productIds: due } }) : { scored: [] };
  const fresh = new Map(scored.map((product) => [product.id, product]));
  const segments = await readProductSegments({ ctx, input: { productIds: page.map((row) => row.id) } });
  const prepared: PreparedPage = { lastId: page.at(-1)!.id, size: page.length, scored: scored.length, pending: [], digests: new Map() };
  for (const row of page) {
    const score = fresh.get(row.id)?.score ?? row.aiScore;
    if (row.shopifyProductId === null || score === null) continue;
    const stored = readDigests(row.metafieldsDigest);
    prepared.digests.set(row.id, stored);
    const recommendations = fresh.get(row.id)?.recommendations ?? row.aiRecommendations ?? [];
    const values = metafieldValues({ score, recommendations, mentionCount30d: row.mentionCount30d, segmentSlugs: segments.get(row.id) ?? [] });
    const digests = await Promise.all(values.map(digestOf));
    values.forEach((value, i) => {
      if (stored[value.key] !== digests[i]) prepared.pending.push({ productId: row.id, shopifyProductId: row.shopifyProductId!, value, digest: digests[i]!, retried: false });
    });
  }
  return prepared;
}
