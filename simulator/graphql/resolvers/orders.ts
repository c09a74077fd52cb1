import type { GraphQLResolveInfo } from "graphql";
import { gid, parseId } from "../../lib/ids.ts";
import { moneyBag } from "../../lib/money.ts";
import { isoTime } from "../../lib/time.ts";
import { fulfillmentStatus } from "../../store/fulfillment-status.ts";
import { orderVisible } from "../../store/scopes.ts";
import type { OrderRecord } from "../../types.ts";
import { requireScopes, type GqlContext, type Resolver } from "../context.ts";
import { compareBy, connection, paginate, type PageArgs, type SortValue } from "../paginate.ts";
import { applySearch, dateMatcher, numberMatcher, parseSearch, textMatcher, type FieldMatcher } from "../search-query.ts";
import { customerNode } from "./customers.ts";
import { productNode, variantNode } from "./products.ts";
import { mailingAddress } from "./mailing-address.ts";

const FULFILLMENT_DISPLAY = { fulfilled: "FULFILLED", partial: "PARTIALLY_FULFILLED", none: "UNFULFILLED" } as const;

function lineItemNode(gql: GqlContext, order: OrderRecord, position: number) {
  const variantIndex = order.lines[position * 3]!;
  const quantity = order.lines[position * 3 + 1]!;
  const unit = order.lines[position * 3 + 2]!;
  const variant = gql.shop.variants[variantIndex]!;
  const product = gql.shop.products[variant.product]!;
  const currency = gql.shop.currency;
  const variantTitle = variant.title === "Default Title" ? null : variant.title;
  return {
    __typename: "LineItem",
    id: gid("LineItem", order.lineBase + position),
    name: variantTitle ? `${product.title} - ${variantTitle}` : product.title,
    title: product.title,
    quantity,
    currentQuantity: order.cancelledAt === null ? quantity : 0,
    sku: variant.sku,
    variantTitle,
    vendor: product.vendor,
    variant: () => variantNode(gql, variantIndex),
    product: () => (product.deletedAt === null ? productNode(gql, variant.product) : null),
    originalUnitPriceSet: moneyBag(unit, currency),
    discountedUnitPriceSet: moneyBag(unit, currency),
    originalTotalSet: moneyBag(unit * quantity, currency),
  };
}

function orderNode(gql: GqlContext, index: number) {
  const order = gql.shop.orders[index]!;
  const currency = gql.shop.currency;
  const customer = gql.shop.customers[order.customer];
  const lineCount = order.lines.length / 3;
  return {
    __typename: "Order",
    id: gid("Order", order.id),
    legacyResourceId: order.id,
    name: `#${order.number}`,
    email: order.email,
    phone: customer?.phone ?? null,
    createdAt: isoTime(order.createdAt),
    processedAt: isoTime(order.processedAt),
    updatedAt: isoTime(order.updatedAt),
    cancelledAt: order.cancelledAt === null ? null : isoTime(order.cancelledAt),
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    closed: order.closedAt !== null,
    closedAt: order.closedAt === null ? null : isoTime(order.closedAt),
    test: false,
    tags: order.tags ?? [],
    sourceName: order.sourceName,
    displayFinancialStatus: order.financial,
    displayFulfillmentStatus: FULFILLMENT_DISPLAY[fulfillmentStatus(order) ?? "none"],
    currencyCode: currency,
    totalPriceSet: moneyBag(order.totalCents, currency),
    subtotalPriceSet: moneyBag(order.subtotalCents, currency),
    totalTaxSet: moneyBag(order.taxCents, currency),
    totalShippingPriceSet: moneyBag(order.shippingCents, currency),
    totalRefundedSet: moneyBag(order.refundedCents, currency),
    currentTotalPriceSet: moneyBag(order.cancelledAt === null ? order.totalCents - order.refundedCents : 0, currency),
    customer: (_: unknown, context: GqlContext) => {
      if (!customer) return null;
      requireScopes(context, "customer", ["read_customers"]);
      return customerNode(context, order.customer);
    },
    billingAddress: customer ? mailingAddress(customer) : null,
    shippingAddress: customer ? mailingAddress(customer) : null,
    lineItems: (args: PageArgs, context: GqlContext, info: GraphQLResolveInfo) => {
      const positions = Array.from({ length: lineCount }, (_, i) => i);
      const page = paginate(positions, (i) => [i, String(order.lineBase + i)], args, context, info);
      return connection(page, (i) => lineItemNode(context, order, i));
    },
    refunds: () =>
      (order.refunds ?? []).map((refund) => ({
        __typename: "Refund",
        id: gid("Refund", refund.id),
        createdAt: isoTime(refund.createdAt),
        note: refund.note,
        totalRefundedSet: moneyBag(refund.amountCents, currency),
      })),
  };
}

const SEARCH_FIELDS: Record<string, FieldMatcher<OrderRecord>> = {
  created_at: dateMatcher((o) => o.createdAt),
  updated_at: dateMatcher((o) => o.updatedAt),
  processed_at: dateMatcher((o) => o.processedAt),
  id: numberMatcher((o) => Number(o.id)),
  name: textMatcher((o) => `#${o.number}`),
  email: textMatcher((o) => o.email),
  financial_status: textMatcher((o) => o.financial),
  status: (o, term) => (term.value === "cancelled" ? o.cancelledAt !== null : term.value === "closed" ? o.closedAt !== null : term.value === "open" ? o.closedAt === null : true),
};

const SORT_KEYS: Record<string, (o: OrderRecord) => SortValue> = {
  ID: (o) => Number(o.id),
  CREATED_AT: (o) => o.createdAt,
  PROCESSED_AT: (o) => o.processedAt,
  UPDATED_AT: (o) => o.updatedAt,
  TOTAL_PRICE: (o) => o.totalCents,
  RELEVANCE: (o) => Number(o.id),
};

function listOrders(gql: GqlContext, indexes: number[], args: PageArgs & { query?: string; sortKey?: string }, info: GraphQLResolveInfo) {
  const record = (i: number) => gql.shop.orders[i]!;
  const wrap = (matcher: FieldMatcher<OrderRecord>): FieldMatcher<number> => (i, term) => matcher(record(i), term);
  const fields = Object.fromEntries(Object.entries(SEARCH_FIELDS).map(([name, matcher]) => [name, wrap(matcher)]));
  const { records, warnings } = applySearch(indexes, parseSearch(args.query), fields, wrap((o, term) => `#${o.number}` === term.value));
  if (warnings.length > 0) gql.searchWarnings.push({ path: ["orders"], query: String(args.query), warnings });
  const sortName = args.sortKey ?? "ID";
  const sortKey = SORT_KEYS[sortName] ?? SORT_KEYS.ID!;
  const sorted = sortName === "ID" ? records : [...records].sort((a, b) => compareBy(sortKey(record(a)), sortKey(record(b))) || a - b);
  const page = paginate(sorted, (i) => [sortKey(record(i)), record(i).id], args, gql, info);
  return connection(page, (i) => orderNode(gql, i));
}

export const orderConnection = { node: orderNode, list: listOrders };

export const orders: Resolver = (_source, args, gql, info) => {
  const visible: number[] = [];
  gql.shop.orders.forEach((order, i) => {
    if (orderVisible(gql.scopes, order, gql.now)) visible.push(i);
  });
  return listOrders(gql, visible, args as PageArgs, info);
};

export const order: Resolver = (_source, args, gql) => {
  const index = gql.shop.index.orders.get(parseId(String(args.id)).id);
  if (index === undefined || !orderVisible(gql.scopes, gql.shop.orders[index]!, gql.now)) return null;
  return orderNode(gql, index);
};
