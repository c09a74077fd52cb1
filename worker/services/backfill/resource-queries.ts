import type { BackfillResource } from "../../../queues/backfill-messages.ts";

export const RESOURCE_LABELS: Record<BackfillResource, string> = {
  orders: "orders",
  customers: "customers",
  products: "products",
  abandoned_checkouts: "abandoned checkouts",
};

const CUSTOMER = "id email phone firstName lastName state tags createdAt updatedAt defaultAddress { countryCodeV2 } emailMarketingConsent { marketingState }";
const LINE_ITEM = "id title quantity sku variant { id } product { id } originalUnitPriceSet { shopMoney { amount } }";
const MONEY = "shopMoney { amount currencyCode }";

/** Nested connections, with the GraphQL type of their nodes (what the joiner groups children by). */
export const NESTED = {
  orders: [{ field: "lineItems", type: "LineItem", selection: LINE_ITEM }],
  customers: [],
  products: [
    { field: "variants", type: "ProductVariant", selection: "id title sku barcode price compareAtPrice inventoryQuantity position" },
    { field: "images", type: "ProductImage", selection: "id url altText" },
  ],
  abandoned_checkouts: [{ field: "lineItems", type: "AbandonedCheckoutLineItem", selection: LINE_ITEM }],
} as const satisfies Record<BackfillResource, readonly { field: string; type: string; selection: string }[]>;

// An order names its customer by id only: the customers export (never windowed) carries every customer in full, and
// repeating the customer on each of their orders made it the largest part of the orders file.
const ROOTS: Record<BackfillResource, { field: string; type: string; selection: string }> = {
  orders: {
    field: "orders",
    type: "Order",
    selection: `id name createdAt processedAt updatedAt cancelledAt cancelReason displayFinancialStatus displayFulfillmentStatus currencyCode
      sourceName totalPriceSet { ${MONEY} } subtotalPriceSet { ${MONEY} } totalTaxSet { ${MONEY} } totalRefundedSet { ${MONEY} }
      customer { id }`,
  },
  customers: { field: "customers", type: "Customer", selection: CUSTOMER },
  products: { field: "products", type: "Product", selection: "id title handle descriptionHtml vendor productType status tags createdAt updatedAt options { name values } seo { title description }" },
  abandoned_checkouts: {
    field: "abandonedCheckouts",
    type: "AbandonedCheckout",
    selection: `id abandonedCheckoutUrl createdAt updatedAt completedAt totalPriceSet { ${MONEY} } subtotalPriceSet { ${MONEY} } customer { ${CUSTOMER} }`,
  },
};

/** `created_at:>='…'` / `updated_at:>='…'` in Shopify's search syntax; null means every record. */
export function searchSince(field: "created_at" | "updated_at", since: number | null): string | null {
  return since === null ? null : `${field}:>='${new Date(since).toISOString()}'`;
}

/** The bulk export of one resource (API 2026-07): one root connection and its nested ones, children as separate lines. */
export function bulkQuery(resource: BackfillResource, search: string | null): string {
  const root = ROOTS[resource];
  const nested = NESTED[resource].map((n) => `${n.field} { edges { node { ${n.selection} } } }`).join(" ");
  const args = search === null ? "" : `(query: ${JSON.stringify(search)})`;
  return `{ ${root.field}${args} { edges { node { ${root.selection} ${nested} } } } }`;
}

/** One page of a resource by regular GraphQL (reconciliation), nested connections capped at `nestedPage` with their page info. */
export function pageQuery(resource: BackfillResource, nestedPage: number): string {
  const root = ROOTS[resource];
  const nested = NESTED[resource].map((n) => `${n.field}(first: ${nestedPage}) { pageInfo { hasNextPage endCursor } nodes { ${n.selection} } }`).join(" ");
  return `query ($first: Int!, $after: String, $query: String) {
    ${root.field}(first: $first, after: $after, query: $query) { pageInfo { hasNextPage endCursor } nodes { ${root.selection} ${nested} } }
  }`;
}

/** The rest of one record's nested connection, after the first page a reconciliation page carried. */
export function nestedPageQuery(resource: BackfillResource, field: string): string {
  const nested = NESTED[resource].find((n) => n.field === field);
  return `query ($id: ID!, $after: String) {
    node(id: $id) { ... on ${ROOTS[resource].type} { ${field}(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${nested?.selection ?? "id"} } } } }
  }`;
}

export function rootField(resource: BackfillResource): string {
  return ROOTS[resource].field;
}
