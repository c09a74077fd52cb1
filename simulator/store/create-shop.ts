import { createPrng, seedFrom } from "../lib/prng.ts";
import { parseTime } from "../lib/time.ts";
import type { ShopSettings, ShopState } from "../types.ts";
import { draftCustomers } from "./generate-customers.ts";
import { attachOrdersToCustomers, generateOrders } from "./generate-orders.ts";
import { generateCheckouts } from "./generate-checkouts.ts";
import { generateProducts } from "./generate-products.ts";
import { ID_BASES, takeId } from "./next-id.ts";
import { DEFAULT_APP_TOPICS } from "./topics.ts";

export interface StoreSize {
  products: number;
  customers: number;
  orders: number;
  days: number;
  abandonedCheckouts: number;
}

export type PlanName = "basic" | "shopify" | "advanced" | "plus" | "development";

export interface CreateShopOptions {
  shop?: string;
  seed?: string | number;
  /** Fixes the store's "now" (ISO or ms) so generated dates are reproducible. */
  now?: string | number;
  size?: Partial<StoreSize>;
  plan?: PlanName;
  name?: string;
  grantedScopes?: string[];
  tokenTtlSeconds?: number;
  throttle?: Partial<ShopSettings["throttle"]>;
  settings?: Partial<Omit<ShopSettings, "throttle" | "failGraphql" | "stallGraphql" | "throttleGraphql">>;
}

export const DEMO_SIZE: StoreSize = { products: 200, customers: 2000, orders: 6000, days: 120, abandonedCheckouts: 600 };

const PLANS: Record<PlanName, { displayName: string; restoreRate: number; plus: boolean; dev: boolean }> = {
  basic: { displayName: "Basic", restoreRate: 100, plus: false, dev: false },
  shopify: { displayName: "Shopify", restoreRate: 100, plus: false, dev: false },
  advanced: { displayName: "Advanced", restoreRate: 200, plus: false, dev: false },
  plus: { displayName: "Shopify Plus", restoreRate: 1000, plus: true, dev: false },
  development: { displayName: "Developer Preview", restoreRate: 100, plus: false, dev: true },
};

export function createShopState(options: CreateShopOptions, domain: string, appScopes: string[]): ShopState {
  const seed = String(options.seed ?? domain);
  const size = { ...DEMO_SIZE, ...options.size };
  const baseNow = parseTime(options.now, Date.now());
  const plan = PLANS[options.plan ?? "shopify"];
  const prng = createPrng(seed);
  // Shop-specific ids (bulk operations, segments, …) differ between shops, as Shopify's global ids do.
  const next = { ...ID_BASES, misc: ID_BASES.misc + (seedFrom(domain) % 100_000) * 100_000 };
  const { products, variants } = generateProducts(prng, size.products, baseNow, next);
  const drafts = draftCustomers(prng, size.customers, baseNow, size.days);
  const orders = generateOrders({ prng, count: size.orders, now: baseNow, days: size.days, customers: drafts, variants, next });
  attachOrdersToCustomers(prng, orders, drafts);
  const byAge = drafts.map((_, i) => i).sort((a, b) => drafts[a]!.createdAt - drafts[b]!.createdAt || a - b);
  const remap = new Int32Array(drafts.length);
  byAge.forEach((old, position) => {
    remap[old] = position;
  });
  const customers = byAge.map((old) => drafts[old]!);
  for (const customer of customers) {
    customer.id = takeId(next, "customer", prng.int(1, 900));
    customer.addressId = takeId(next, "address", prng.int(1, 900));
  }
  for (const order of orders) if (order.customer >= 0) order.customer = remap[order.customer]!;
  const checkouts = generateCheckouts(prng, size.abandonedCheckouts, baseNow, size.days, customers.length, variants, next);
  const maximumAvailable = options.throttle?.maximumAvailable ?? plan.restoreRate * 20;
  return {
    domain,
    numericId: String(50_000_000_000 + (seedFrom(seed) % 9_000_000_000)),
    name: options.name ?? domain.replace(/\.myshopify\.com$/, "").replace(/-/g, " "),
    seed,
    plan: { displayName: plan.displayName, partnerDevelopment: plan.dev, shopifyPlus: plan.plus },
    currency: "USD",
    baseNow,
    createdAtReal: Date.now(),
    installed: true,
    grantedScopes: [...(options.grantedScopes ?? appScopes)],
    settings: {
      throttle: { maximumAvailable, restoreRate: options.throttle?.restoreRate ?? plan.restoreRate },
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      bulkChildrenFirst: false,
      bulkDelayMs: 50,
      emitAppCausedWebhooks: true,
      apiVersion: "2026-07",
      appTopics: [...DEFAULT_APP_TOPICS],
      defaultVia: "https",
      utcOffsetMinutes: -300,
      ...options.settings,
      failGraphql: { remaining: 0, status: 502 },
      stallGraphql: { remaining: 0, ms: 0 },
      throttleGraphql: { remaining: 0 },
    },
    products,
    variants,
    customers,
    orders,
    checkouts,
    index: {
      customers: new Map(customers.map((record, i) => [record.id, i])),
      orders: new Map(orders.map((record, i) => [record.id, i])),
      products: new Map(products.map((record, i) => [record.id, i])),
      variants: new Map(variants.map((record, i) => [record.id, i])),
      checkouts: new Map(checkouts.map((record, i) => [record.id, i])),
    },
    nextId: next,
    nextOrderNumber: 1001 + orders.length,
    tokens: { access: new Map(), refresh: new Map(), codes: new Map(), counts: { exchanged: 0, refreshed: 0, codeGrants: 0, issued: 0 } },
    bucket: { available: maximumAvailable, updatedAt: Date.now() },
    webhookSubscriptions: [],
    webPixel: null,
    metafieldDefinitions: [],
    metafields: new Map(),
    segments: new Map(),
    flowTriggers: [],
    appSubscriptions: [],
    bulkOperations: [],
    graphqlCalls: {},
    throttledCalls: 0,
    outbox: [],
    deliveries: [],
  };
}

/** Store time: the (possibly fixed) creation "now" plus real time elapsed since. */
export function storeNow(shop: ShopState): number {
  return shop.baseNow + (Date.now() - shop.createdAtReal);
}

export function shopCounts(shop: ShopState) {
  return {
    products: shop.products.filter((product) => product.deletedAt === null).length,
    customers: shop.customers.filter((customer) => customer.deletedAt === undefined).length,
    orders: shop.orders.filter((order) => order.deletedAt === undefined).length,
    abandonedCheckouts: shop.checkouts.filter((checkout) => checkout.completedAt === null).length,
  };
}
