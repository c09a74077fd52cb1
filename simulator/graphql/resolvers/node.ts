import { parseId } from "../../lib/ids.ts";
import { orderVisible } from "../../store/scopes.ts";
import { requireScopes, type GqlContext, type Resolver } from "../context.ts";
import { checkoutNode } from "./abandoned-checkouts.ts";
import { appSubscriptionByGid } from "./app-subscriptions.ts";
import { bulkNode } from "./bulk-operations.ts";
import { customerNode } from "./customers.ts";
import { orderConnection } from "./orders.ts";
import { productNode, variantNode } from "./products.ts";
import { segmentNode } from "./segments.ts";
import { subscriptionNode } from "./webhook-subscriptions.ts";

type Lookup = (gql: GqlContext, id: string) => unknown;

const LOOKUPS: Record<string, { scope?: string; find: Lookup }> = {
  Customer: { scope: "read_customers", find: (gql, id) => withIndex(gql.shop.index.customers.get(id), (i) => customerNode(gql, i)) },
  Order: {
    scope: "read_orders",
    find: (gql, id) => withIndex(gql.shop.index.orders.get(id), (i) => (orderVisible(gql.scopes, gql.shop.orders[i]!, gql.now) ? orderConnection.node(gql, i) : null)),
  },
  Product: { scope: "read_products", find: (gql, id) => withIndex(gql.shop.index.products.get(id), (i) => (gql.shop.products[i]!.deletedAt === null ? productNode(gql, i) : null)) },
  ProductVariant: { scope: "read_products", find: (gql, id) => withIndex(gql.shop.index.variants.get(id), (i) => variantNode(gql, i)) },
  AbandonedCheckout: { scope: "read_orders", find: (gql, id) => withIndex(gql.shop.index.checkouts.get(id), (i) => checkoutNode(gql, gql.shop.checkouts[i]!)) },
  AppSubscription: { find: appSubscriptionByGid },
  BulkOperation: { find: (gql, id) => withValue(gql.shop.bulkOperations.find((op) => op.id === id), (op) => bulkNode(gql, op)) },
  Segment: { scope: "read_customers", find: (gql, id) => withValue(gql.shop.segments.get(id), segmentNode) },
  WebhookSubscription: { find: (gql, id) => withValue(gql.shop.webhookSubscriptions.find((sub) => sub.id === id), (sub) => subscriptionNode(gql, sub)) },
};

function withIndex(index: number | undefined, view: (index: number) => unknown): unknown {
  return index === undefined ? null : view(index);
}

function withValue<T>(value: T | undefined, view: (value: T) => unknown): unknown {
  return value === undefined ? null : view(value);
}

function lookup(gql: GqlContext, raw: string): unknown {
  const { type, id } = parseId(raw);
  const entry = type ? LOOKUPS[type] : undefined;
  if (!entry) return null;
  if (entry.scope) requireScopes(gql, "node", [entry.scope]);
  return entry.find(gql, id);
}

export const node: Resolver = (_source, args, gql) => lookup(gql, String(args.id));
export const nodes: Resolver = (_source, args, gql) => (args.ids as string[]).map((id) => lookup(gql, id));
