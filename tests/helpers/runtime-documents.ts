import { BACKFILL_RESOURCES } from "../../queues/backfill-messages.ts";
import { ok } from "../../worker/lib/result.ts";
import { bulkQuery, NESTED, nestedPageQuery, pageQuery, searchSince } from "../../worker/services/backfill/resource-queries.ts";
import { METAFIELDS_PER_SET, METAFIELDS_SET, SETS_PER_CALL } from "../../worker/services/catalog/metafields/send-metafields.ts";
import { CatalogProductInput } from "../../worker/services/catalog/outbound/catalog-product-input.ts";
import { catalogProductRow } from "../../worker/services/catalog/outbound/catalog-product-row.ts";
import { productSetInput } from "../../worker/services/catalog/outbound/product-set-input.ts";
import { PRODUCT_SET, PRODUCT_SETS_PER_CALL } from "../../worker/services/catalog/outbound/push-catalog-products.ts";
import { FLOW_TRIGGERS } from "../../worker/services/flow/flow-handles.ts";
import { FLOW_TRIGGER_RECEIVE } from "../../worker/services/flow/flow-trigger-mutation.ts";
import { tagsMutation } from "../../worker/services/segments/push/push-segment-tags.ts";
import { TAGS_PER_CALL } from "../../worker/services/segments/push/tag-queries.ts";
import type { AdminClient } from "../../worker/shopify/admin-graphql.ts";
import { runBatchedMutation, type BatchedMutation } from "../../worker/shopify/run-batched-mutation.ts";

export type RuntimeDocument = { name: string; query: string; variables?: Record<string, unknown>; kind?: "bulk" };

/** The mutation descriptions built below: every `runBatchedMutation(…, X, …)` in the worker must pass one of these. */
export const BATCHED_MUTATIONS_BUILT = ["FLOW_TRIGGER_RECEIVE", "tagsMutation", "METAFIELDS_SET", "PRODUCT_SET"];

/** The document runBatchedMutation sends for these calls, and its variables. */
async function batched(mutation: BatchedMutation, calls: Record<string, unknown>[]): Promise<RuntimeDocument> {
  const sent: RuntimeDocument[] = [];
  const capture: AdminClient = {
    async request<T>(query: string, variables: Record<string, unknown> = {}) {
      sent.push({ name: `${mutation.operation} × ${calls.length}`, query, variables });
      return ok(Object.fromEntries(calls.map((_, i) => [`m${i}`, null])) as T);
    },
  };
  await runBatchedMutation(capture, mutation, calls);
  return sent[0]!;
}

const SINCE = Date.UTC(2026, 0, 1);
const customers = (count: number) => Array.from({ length: count }, (_, i) => 7358220173425 + i);
const tagCall = (id: number) => ({ id: `gid://shopify/Customer/${id}`, tags: ["segops:vip"] });
const metafieldsCall = (id: number) => ({
  metafields: Array.from({ length: METAFIELDS_PER_SET }, (_, i) => ({
    ownerId: `gid://shopify/Product/${id + i}`,
    namespace: "$app:segops",
    key: "ai_readability_score",
    type: "number_integer",
    value: "72",
  })),
});
// A catalog-out product with options, variants, images and SEO: by handle before it is linked, by id after.
const productSetCall = (id: number) => {
  const row = catalogProductRow(CatalogProductInput.parse({
    handle: `mug-${id}`, title: "Trail mug", descriptionHtml: "<p>Enamel.</p>", vendor: "Acme", productType: "Mugs", tags: ["camping"], seo: { title: "Trail mug" },
    options: [{ name: "Color", values: ["Red", "Blue"] }], variants: [{ options: ["Red"], price: "19.50", sku: "R" }, { options: ["Blue"], price: 21, barcode: "1" }],
    images: [{ src: "https://cdn.example/mug.jpg", alt: "A red mug" }],
  }));
  return { ...productSetInput({ ...row, shopifyProductId: id % 2 === 0 ? String(id) : null }), synchronous: true };
};
const flowCall = (id: number) => ({ handle: FLOW_TRIGGERS.segmentEntered, payload: { customer_id: id, "segment name": "VIP", "segment slug": "vip" } });

/**
 * What the worker builds at run time, with representative inputs: each resource's bulk export, reconciliation page
 * and nested page; tag pushes, Flow triggers and metafield pushes one call and a full batch at a time.
 */
export async function runtimeDocuments(): Promise<RuntimeDocument[]> {
  const backfill = BACKFILL_RESOURCES.flatMap((resource): RuntimeDocument[] => [
    { name: `bulk export of ${resource}`, query: bulkQuery(resource, null), kind: "bulk" },
    { name: `bulk export of ${resource} since a date`, query: bulkQuery(resource, searchSince("created_at", SINCE)), kind: "bulk" },
    { name: `reconciliation page of ${resource}`, query: pageQuery(resource, 20), variables: { first: 10, after: "eyJsYXN0X2lkIjoxfQ==", query: searchSince("updated_at", SINCE) } },
    ...NESTED[resource].map((nested) => ({
      name: `${resource}: the rest of one record's ${nested.field}`,
      query: nestedPageQuery(resource, nested.field),
      variables: { id: "gid://shopify/Order/5778367414385", after: null },
    })),
  ]);
  const batches = await Promise.all([
    ...[1, TAGS_PER_CALL].flatMap((count) => [
      batched(tagsMutation("tagsAdd"), customers(count).map(tagCall)),
      batched(tagsMutation("tagsRemove"), customers(count).map(tagCall)),
      batched(FLOW_TRIGGER_RECEIVE, customers(count).map(flowCall)),
    ]),
    ...[1, SETS_PER_CALL].map((count) => batched(METAFIELDS_SET, customers(count).map(metafieldsCall))),
    ...[1, PRODUCT_SETS_PER_CALL].map((count) => batched(PRODUCT_SET, customers(count).map(productSetCall))),
  ]);
  return [...backfill, ...batches];
}
