import { gid, parseId, rawId } from "../../lib/ids.ts";
import { restTime } from "../../lib/time.ts";
import type { MetafieldRecord, ShopState, WebhookSubscriptionRecord } from "../../types.ts";
import { resolveNamespace } from "../../graphql/resolvers/metafield-views.ts";

// Shopify keeps a product's SEO title and meta description as the `global.title_tag` / `global.description_tag`
// metafields, which is how a webhook subscription asking for them receives them.
const SEO_KEYS = { title_tag: "seoTitle", description_tag: "seoDescription" } as const;

function seoMetafields(shop: ShopState, ownerId: string): MetafieldRecord[] {
  const index = shop.index.products.get(parseId(ownerId).id);
  const product = index === undefined ? undefined : shop.products[index];
  if (!product) return [];
  return Object.entries(SEO_KEYS).flatMap(([key, field], i) => {
    const value = product[field];
    if (value === null) return [];
    return [{ id: `${product.id}${i + 1}`, ownerId, namespace: "global", key, type: "single_line_text_field", value, createdAt: product.createdAt, updatedAt: product.updatedAt }];
  });
}

/** The `metafields` array a delivery about `ownerId` carries for this subscription, or null when it asks for none. */
export function subscribedMetafields(shop: ShopState, subscription: WebhookSubscriptionRecord | undefined, ownerId: string, apiKey: string): unknown[] | null {
  if (!subscription || (subscription.metafieldNamespaces.length === 0 && subscription.metafields.length === 0)) return null;
  const namespaces = new Set(subscription.metafieldNamespaces.map((namespace) => resolveNamespace(namespace, apiKey)));
  const keys = new Set(subscription.metafields.map((m) => `${resolveNamespace(m.namespace, apiKey)}.${m.key}`));
  const records = [...(shop.metafields.get(ownerId)?.values() ?? []), ...seoMetafields(shop, ownerId)];
  const offset = shop.settings.utcOffsetMinutes;
  return records
    .filter((record) => namespaces.has(record.namespace) || keys.has(`${record.namespace}.${record.key}`))
    .map((record) => ({
      id: rawId(record.id),
      namespace: record.namespace,
      key: record.key,
      value: record.value,
      description: null,
      owner_id: rawId(parseId(ownerId).id),
      created_at: restTime(record.createdAt, offset),
      updated_at: restTime(record.updatedAt, offset),
      owner_resource: (parseId(ownerId).type ?? "product").toLowerCase(),
      type: record.type,
      admin_graphql_api_id: gid("Metafield", record.id),
    }));
}
