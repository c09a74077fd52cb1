import { gid } from "../lib/ids.ts";
import { isoTime } from "../lib/time.ts";
import { shopCounts } from "../store/create-shop.ts";
import type { ShopState } from "../types.ts";

export function shopSummary(shop: ShopState) {
  return {
    shop: shop.domain,
    id: gid("Shop", shop.numericId),
    name: shop.name,
    installed: shop.installed,
    plan: shop.plan,
    grantedScopes: shop.grantedScopes,
    now: isoTime(shop.baseNow),
    counts: shopCounts(shop),
    settings: shop.settings,
  };
}

function parseSettings(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What tests assert on: everything the app changed on the Shopify side. */
export function shopState(shop: ShopState, allTags: boolean) {
  const customerTags: Record<string, string[]> = {};
  for (const customer of shop.customers) {
    const tags = allTags ? customer.tags : customer.tags.filter((tag) => tag.startsWith("segops:"));
    if (tags.length > 0) customerTags[gid("Customer", customer.id)] = tags;
  }
  const metafields: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const [owner, values] of shop.metafields) {
    metafields[owner] = Object.fromEntries([...values].map(([key, record]) => [key, { type: record.type, value: record.value }]));
  }
  return {
    shop: shop.domain,
    installed: shop.installed,
    grantedScopes: shop.grantedScopes,
    webhookSubscriptions: shop.webhookSubscriptions.map(({ id, topic, uri, format, includeFields, filter, metafields }) => ({ id: gid("WebhookSubscription", id), topic, uri, format, includeFields, filter, metafields })),
    webPixel: shop.webPixel ? { id: gid("WebPixel", shop.webPixel.id), settings: parseSettings(shop.webPixel.settings) } : null,
    metafieldDefinitions: shop.metafieldDefinitions.map(({ id, name, namespace, key, type, ownerType, pinned, access, capabilities }) => ({ id: gid("MetafieldDefinition", id), name, namespace, key, type, ownerType, pinned, access, capabilities })),
    metafields,
    customerTags,
    segments: [...shop.segments.values()].map(({ id, name, query }) => ({ id: gid("Segment", id), name, query })),
    flowTriggers: shop.flowTriggers.map(({ handle, payload, receivedAt }) => ({ handle, payload, receivedAt: isoTime(receivedAt) })),
    bulkOperations: shop.bulkOperations.map(({ id, status, errorCode, objectCount, rootObjectCount, groupObjects, query }) => ({ id: gid("BulkOperation", id), status, errorCode, objectCount, rootObjectCount, groupObjects, query })),
    graphqlCalls: shop.graphqlCalls,
    throttledCalls: shop.throttledCalls,
    tokens: { ...shop.tokens.counts, activeAccessTokens: [...shop.tokens.access.values()].filter((t) => t.expiresAt === null || t.expiresAt > Date.now()).length },
    deliveries: shop.deliveries.length,
  };
}

export function statsSince(shop: ShopState, since: number) {
  const count = <T extends { createdAt: number }>(records: T[], keep: (record: T) => boolean = () => true) =>
    records.reduce((n, record) => (record.createdAt >= since && keep(record) ? n + 1 : n), 0);
  return {
    since: new Date(since).toISOString(),
    orders: count(shop.orders, (order) => order.deletedAt === undefined),
    customers: count(shop.customers, (customer) => customer.deletedAt === undefined),
    products: count(shop.products, (product) => product.deletedAt === null),
    abandonedCheckouts: count(shop.checkouts, (checkout) => checkout.completedAt === null),
  };
}
