import type { GraphQLResolveInfo } from "graphql";
import { gid } from "../../lib/ids.ts";
import { moneyBag } from "../../lib/money.ts";
import { isoTime } from "../../lib/time.ts";
import type { CheckoutRecord } from "../../types.ts";
import type { GqlContext, Resolver } from "../context.ts";
import { compareBy, connection, paginate, type PageArgs, type SortValue } from "../paginate.ts";
import { applySearch, dateMatcher, numberMatcher, parseSearch, type FieldMatcher } from "../search-query.ts";
import { customerNode } from "./customers.ts";
import { productNode, variantNode } from "./products.ts";
import { mailingAddress } from "./mailing-address.ts";

export function checkoutNode(gql: GqlContext, checkout: CheckoutRecord) {
  const currency = gql.shop.currency;
  const customer = gql.shop.customers[checkout.customer];
  const lines = Array.from({ length: checkout.lines.length / 2 }, (_, i) => i);
  return {
    __typename: "AbandonedCheckout",
    id: gid("AbandonedCheckout", checkout.id),
    name: `#${checkout.id}`,
    abandonedCheckoutUrl: `https://${gql.shop.domain}/${gql.shop.numericId}/checkouts/ac/${checkout.cartToken}/recover?key=${checkout.token}`,
    createdAt: isoTime(checkout.createdAt),
    updatedAt: isoTime(checkout.updatedAt),
    completedAt: checkout.completedAt === null ? null : isoTime(checkout.completedAt),
    customer: () => (customer ? customerNode(gql, checkout.customer) : null),
    totalPriceSet: moneyBag(checkout.totalCents, currency),
    subtotalPriceSet: moneyBag(checkout.totalCents, currency),
    taxesIncluded: false,
    note: "",
    discountCodes: [],
    billingAddress: customer ? mailingAddress(customer) : null,
    shippingAddress: customer ? mailingAddress(customer) : null,
    lineItems: (args: PageArgs, context: GqlContext, info: GraphQLResolveInfo) => {
      const page = paginate(lines, (i) => [i, `${checkout.id}${i}`], args, context, info);
      return connection(page, (i) => {
        const variantIndex = checkout.lines[i * 2]!;
        const quantity = checkout.lines[i * 2 + 1]!;
        const variant = context.shop.variants[variantIndex]!;
        return {
          id: `gid://shopify/AbandonedCheckoutLineItem/${checkout.id}${i}`,
          title: context.shop.products[variant.product]!.title,
          quantity,
          sku: variant.sku,
          variantTitle: variant.title,
          variant: () => variantNode(context, variantIndex),
          product: () => productNode(context, variant.product),
          originalUnitPriceSet: moneyBag(variant.priceCents, currency),
          originalTotalPriceSet: moneyBag(variant.priceCents * quantity, currency),
        };
      });
    },
  };
}

const SEARCH_FIELDS: Record<string, FieldMatcher<CheckoutRecord>> = {
  created_at: dateMatcher((c) => c.createdAt),
  updated_at: dateMatcher((c) => c.updatedAt),
  id: numberMatcher((c) => Number(c.id)),
};

const SORT_KEYS: Record<string, (c: CheckoutRecord) => SortValue> = {
  ID: (c) => Number(c.id),
  CREATED_AT: (c) => c.createdAt,
  TOTAL_PRICE: (c) => c.totalCents,
  RELEVANCE: (c) => Number(c.id),
  CUSTOMER_NAME: (c) => c.email ?? "",
};

export const abandonedCheckouts: Resolver = (_source, args, gql, info) => {
  const open = gql.shop.checkouts.filter((checkout) => checkout.completedAt === null);
  const { records, warnings } = applySearch(open, parseSearch(args.query as string | undefined), SEARCH_FIELDS, () => true);
  if (warnings.length > 0) gql.searchWarnings.push({ path: ["abandonedCheckouts"], query: String(args.query), warnings });
  const sortName = String(args.sortKey ?? "ID");
  const sortKey = SORT_KEYS[sortName] ?? SORT_KEYS.ID!;
  const sorted = sortName === "ID" ? records : [...records].sort((a, b) => compareBy(sortKey(a), sortKey(b)) || Number(a.id) - Number(b.id));
  const page = paginate(sorted, (c) => [sortKey(c), c.id], args as PageArgs, gql, info);
  return connection(page, (c) => checkoutNode(gql, c));
};
