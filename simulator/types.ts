import type { DeployedFunction } from "./functions/read-function-extension.ts";
import type { KeyObject } from "node:crypto";
import type { DocumentRecorder } from "./graphql/record-documents.ts";

export interface AppConfig {
  apiKey: string;
  apiSecret: string;
  appUrl?: string;
  handle?: string;
  scopes: string[];
}

export interface SimulatorOptions {
  app: AppConfig;
  pubsub: { audience: string; serviceAccount: string };
  /** push = POST deliveries to app.appUrl; outbox = keep them for the caller to send. */
  delivery: "push" | "outbox";
  /** The simulator's own base URL (bulk result URLs); startSimulator fills it. */
  publicUrl?: string;
  /** A folder where each distinct GraphQL document received (requests and bulk queries) is written once. */
  recordDocuments?: string;
  /** The app's deployed Functions (simulator/functions/read-function-extension.ts), run at simulated checkouts. */
  functions?: DeployedFunction[];
}

export type Via = "https" | "pubsub";
export type MarketingState = "SUBSCRIBED" | "NOT_SUBSCRIBED" | "UNSUBSCRIBED" | "PENDING";
export type FinancialStatus = "PAID" | "PENDING" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED";
export type ProductStatus = "ACTIVE" | "DRAFT" | "ARCHIVED";

export interface CustomerRecord {
  id: string;
  addressId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  country: string;
  city: number;
  address1: string;
  tags: string[];
  marketingState: MarketingState;
  marketingUpdatedAt: number | null;
  note: string | null;
  createdAt: number;
  updatedAt: number;
  /** Indices into ShopState.orders, oldest first. */
  orders: number[];
  spentCents: number;
  /** Deleted customers leave the Admin API; their slot stays so indices into `customers` remain valid. */
  deletedAt?: number;
}

export interface RefundRecord {
  id: string;
  createdAt: number;
  amountCents: number;
  /** Flat pairs: line index within the order, quantity. */
  lines: number[];
  note: string | null;
}

export interface FulfillmentRecord {
  id: string;
  createdAt: number;
  /** Flat pairs: line index within the order, quantity. */
  lines: number[];
}

export interface OrderRecord {
  id: string;
  number: number;
  /** Index into ShopState.customers, -1 for a guest checkout. */
  customer: number;
  email: string | null;
  country: string;
  createdAt: number;
  processedAt: number;
  updatedAt: number;
  cancelledAt: number | null;
  cancelReason: string | null;
  closedAt: number | null;
  financial: FinancialStatus;
  /** Flat triplets: variant index, quantity, unit price in cents. */
  lines: number[];
  /** Line item ids are lineBase + position. */
  lineBase: number;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  refundedCents: number;
  refunds?: RefundRecord[];
  checkoutToken?: string;
  cartToken?: string;
  checkoutId?: string;
  fulfillments?: FulfillmentRecord[];
  sourceName: string;
  tags?: string[];
  /** Deleted orders leave the Admin API; their slot stays so indices into `orders` remain valid. */
  deletedAt?: number;
}

export interface ImageRecord {
  id: string;
  mediaId: string;
  src: string;
  alt: string | null;
  width: number;
  height: number;
}

export interface ProductRecord {
  id: string;
  title: string;
  handle: string;
  bodyHtml: string;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  status: ProductStatus;
  seoTitle: string | null;
  seoDescription: string | null;
  options: { name: string; values: string[] }[];
  /** Indices into ShopState.variants. */
  variants: number[];
  images: ImageRecord[];
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  deletedAt: number | null;
}

export interface VariantRecord {
  id: string;
  product: number;
  title: string;
  options: string[];
  sku: string | null;
  barcode: string | null;
  priceCents: number;
  compareAtCents: number | null;
  inventory: number;
  grams: number;
  createdAt: number;
  updatedAt: number;
}

export interface CheckoutRecord {
  id: string;
  token: string;
  cartToken: string;
  customer: number;
  email: string | null;
  /** Flat pairs: variant index, quantity. */
  lines: number[];
  totalCents: number;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export interface ShopSettings {
  throttle: { maximumAvailable: number; restoreRate: number };
  tokenTtlSeconds: number;
  bulkChildrenFirst: boolean;
  bulkDelayMs: number;
  emitAppCausedWebhooks: boolean;
  failGraphql: { remaining: number; status: number };
  /** The next `remaining` Admin GraphQL calls are held `ms` before Shopify handles them: a client with a shorter timeout gives up. */
  stallGraphql: { remaining: number; ms: number };
  /** The next `remaining` Admin GraphQL calls answer THROTTLED, whatever the bucket holds (Shopify's shared capacity running out). */
  throttleGraphql: { remaining: number };
  apiVersion: string;
  /** Topics delivered without an Admin API subscription (see DEFAULT_APP_TOPICS). */
  appTopics: string[];
  defaultVia: Via;
  utcOffsetMinutes: number;
}

export interface WebhookSubscriptionRecord {
  id: string;
  topic: string;
  uri: string;
  format: string;
  includeFields: string[];
  filter: string | null;
  /** Metafields a delivery carries under `metafields`: whole namespaces, and single `namespace.key` identifiers. */
  metafieldNamespaces: string[];
  metafields: { namespace: string; key: string }[];
  createdAt: number;
  updatedAt: number;
}

export interface MetafieldDefinitionRecord {
  id: string;
  name: string;
  namespace: string;
  key: string;
  type: string;
  ownerType: string;
  description: string | null;
  pinned: boolean;
  access: unknown;
  capabilities: unknown;
  validations: unknown;
}

export interface MetafieldRecord {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: number;
  updatedAt: number;
}

export interface SegmentRecord {
  id: string;
  name: string;
  query: string;
  createdAt: number;
  updatedAt: number;
}

export type AppSubscriptionStatus = "PENDING" | "ACTIVE" | "DECLINED" | "EXPIRED" | "FROZEN" | "CANCELLED";
export type ReplacementBehavior = "APPLY_IMMEDIATELY" | "APPLY_ON_NEXT_BILLING_CYCLE" | "STANDARD";

/** An app subscription the app created with appSubscriptionCreate (one recurring line item). */
export interface AppSubscriptionRecord {
  id: string;
  name: string;
  status: AppSubscriptionStatus;
  test: boolean;
  trialDays: number;
  returnUrl: string;
  replacementBehavior: ReplacementBehavior;
  price: { amount: string; currencyCode: string };
  interval: "EVERY_30_DAYS" | "ANNUAL";
  /** Signs the confirmation URL, as Shopify's `signature` parameter does. */
  signature: string;
  createdAt: number;
  updatedAt: number;
  /** When the merchant approved it; a deferred one stays PENDING until the subscription it replaces ends its period. */
  approvedAt: number | null;
  activatedAt: number | null;
  currentPeriodEnd: number | null;
}

export type BulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";

export interface BulkOperationRecord {
  id: string;
  status: BulkStatus;
  query: string;
  groupObjects: boolean;
  createdAt: number;
  completedAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number;
  errorCode: string | null;
  chunks: string[] | null;
}

export interface Delivery {
  id: string;
  topic: string;
  via: Via;
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
  status?: number | null;
  error?: string;
}

export interface AccessTokenRecord {
  expiresAt: number | null;
  scope: string;
}

export interface RefreshTokenRecord {
  expiresAt: number;
  successor: string | null;
  burned: boolean;
}

export interface TokenState {
  access: Map<string, AccessTokenRecord>;
  refresh: Map<string, RefreshTokenRecord>;
  codes: Map<string, { expiresAt: number; expiring: boolean }>;
  counts: { exchanged: number; refreshed: number; codeGrants: number; issued: number };
}

export interface ShopState {
  domain: string;
  numericId: string;
  name: string;
  seed: string;
  plan: { displayName: string; partnerDevelopment: boolean; shopifyPlus: boolean };
  currency: string;
  /** Store time = baseNow + (real time elapsed since creation), so fixed-now stores still move forward. */
  baseNow: number;
  createdAtReal: number;
  installed: boolean;
  grantedScopes: string[];
  settings: ShopSettings;
  products: ProductRecord[];
  variants: VariantRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  checkouts: CheckoutRecord[];
  index: {
    customers: Map<string, number>;
    orders: Map<string, number>;
    products: Map<string, number>;
    variants: Map<string, number>;
    checkouts: Map<string, number>;
  };
  nextId: Record<IdKind, number>;
  nextOrderNumber: number;
  tokens: TokenState;
  bucket: { available: number; updatedAt: number };
  webhookSubscriptions: WebhookSubscriptionRecord[];
  webPixel: { id: string; settings: string } | null;
  metafieldDefinitions: MetafieldDefinitionRecord[];
  metafields: Map<string, Map<string, MetafieldRecord>>;
  segments: Map<string, SegmentRecord>;
  flowTriggers: { handle: string; payload: unknown; receivedAt: number }[];
  appSubscriptions: AppSubscriptionRecord[];
  bulkOperations: BulkOperationRecord[];
  graphqlCalls: Record<string, number>;
  throttledCalls: number;
  outbox: Delivery[];
  deliveries: Delivery[];
}

export type IdKind =
  | "customer"
  | "address"
  | "order"
  | "line"
  | "product"
  | "variant"
  | "image"
  | "checkout"
  | "refund"
  | "misc";

export interface PubsubKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

/** Everything a route or resolver needs, created once per simulator. */
export interface SimContext {
  options: SimulatorOptions;
  shops: Map<string, ShopState>;
  pubsubKey: PubsubKey;
  timers: Set<ReturnType<typeof setTimeout>>;
  pending: Set<Promise<unknown>>;
  shopCounter: number;
  recordDocument: DocumentRecorder;
}
