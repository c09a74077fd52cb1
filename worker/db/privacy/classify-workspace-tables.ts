import {
  discountRulesTable,
  flowActionRunsTable,
  flowTriggersTable,
  jobsTable,
  landingPagesTable,
  mentionsTable,
  productsTable,
  segmentSizesTable,
  segmentsTable,
  shopifyDiscountsTable,
} from "../schema/index.ts";
import { classify } from "./classification-types.ts";

const NO_CUSTOMER_DATA = { action: "keep", why: "no customer data" } as const;
const AFTER_SHOP_REDACT = "until shop/redact";

/** What the merchant builds in SegOps (catalog, segments, automations, pages) and the history of its jobs. */
export const WORKSPACE_TABLES = [
  classify({
    table: productsTable,
    scope: "tenant",
    columns: {
      id: "none", tenantId: "none", shopifyProductId: "none", origin: "none", handle: "none", title: "none", vendor: "none",
      productType: "none", status: "none", tags: "none", priceMin: "none", priceMax: "none", inventoryTotal: "none", data: "none",
      aiScore: "none", aiRecommendations: "none", aiScoredAt: "none", mentionCount30d: "none", metafieldsDigest: "none",
      metafieldsPushedAt: "none", outboundState: "none", outboundError: "none", sourceUpdatedAt: "none", createdAt: "none",
      updatedAt: "none", deletedAt: "none",
    },
    notes: { data: "the product as Shopify describes it: catalog facts, no customer" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: productsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: mentionsTable,
    scope: "tenant",
    columns: { id: "none", tenantId: "none", productId: "none", source: "none", url: "none", dedupKey: "none", occurredAt: "none", createdAt: "none" },
    notes: { url: "the public page or assistant answer that cited a product" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: mentionsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: segmentsTable,
    scope: "tenant",
    columns: {
      id: "none", tenantId: "none", slug: "none", name: "none", kind: "none", query: "free", queryJson: "free", pushMode: "none",
      nativeSegmentGid: "none", suggestion: "none", memberCount: "none", lastComputedAt: "none", lastPushAt: "none", lastPushResult: "free",
      pushClaim: "none", pushClaimedUntil: "none", createdAt: "none", updatedAt: "none", deletedAt: "none",
    },
    notes: {
      query: "the merchant's own rule text: `email = \"…\"` could name a customer, and stays as the merchant wrote it",
      queryJson: "the parsed form of `query`",
      lastPushResult: "counts, and Shopify's refusals as `customer <id>: <message>`",
    },
    customerRedact: { action: "anonymise", step: "segment_push_errors", how: "push errors that name the customer are removed from last_push_result; counts stay" },
    shopRedact: { action: "delete_rows", byTenant: segmentsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: segmentSizesTable,
    scope: "tenant",
    columns: { tenantId: "none", segmentId: "none", computedAt: "none", size: "none", entered: "none", left: "none" },
    customerRedact: { action: "keep", why: "counts that identify no one" },
    shopRedact: { action: "delete_rows", byTenant: segmentSizesTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: flowTriggersTable,
    scope: "tenant",
    columns: { tenantId: "none", handle: "none", enabled: "none", definitionId: "none", lifecycleAt: "none" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: flowTriggersTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: flowActionRunsTable,
    scope: "tenant",
    columns: { actionRunId: "none", tenantId: "none", handle: "none", status: "none", result: "free", createdAt: "none" },
    notes: { result: "the answer replayed to Flow's retries; *Tag a customer* answers with the customer id" },
    customerRedact: { action: "delete_rows", step: "flow_runs", how: "runs whose stored answer names the customer" },
    shopRedact: { action: "delete_rows", byTenant: flowActionRunsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: discountRulesTable,
    scope: "tenant",
    columns: {
      id: "none", tenantId: "none", segmentId: "none", title: "none", valueType: "none", value: "none", discountClass: "none",
      shopifyDiscountGid: "none", status: "none", startsAt: "none", endsAt: "none", target: "none", targetIds: "none", minimumSubtotal: "none",
      combinesWith: "none", createdAt: "none", updatedAt: "none",
    },
    notes: { targetIds: "ids of the shop's products, variants or collections" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: discountRulesTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: shopifyDiscountsTable,
    scope: "tenant",
    columns: { tenantId: "none", groupKey: "none", shopifyDiscountGid: "none", digest: "none", ruleCount: "none", createdAt: "none", updatedAt: "none" },
    notes: { digest: "a hash of the discount input last sent: rules, dates, combinations" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: shopifyDiscountsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: landingPagesTable,
    scope: "tenant",
    columns: { id: "none", tenantId: "none", slug: "none", title: "none", body: "none", segmentId: "none", createdAt: "none", updatedAt: "none" },
    notes: { body: "the merchant's page content" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: landingPagesTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: jobsTable,
    scope: "tenant",
    columns: {
      id: "none", tenantId: "none", kind: "none", status: "none", params: "none", result: "none", error: "none", createdAt: "none",
      startedAt: "none", finishedAt: "none",
    },
    notes: { params: "a backfill's reason and window, a segment id", result: "counts", error: "our own failure message" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: jobsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
];
