/** Fetch-only client for the store simulator's control API; runs in workerd and Node alike (no node: imports). */
export type Via = "https" | "pubsub";

export interface SimDelivery {
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

export interface SimCounts {
  products: number;
  customers: number;
  orders: number;
  abandonedCheckouts: number;
}

export interface CreateShopInput {
  shop?: string;
  seed?: string | number;
  now?: string | number;
  size?: Partial<SimCounts & { days: number }>;
  plan?: "basic" | "shopify" | "advanced" | "plus" | "development";
  name?: string;
  grantedScopes?: string[];
  tokenTtlSeconds?: number;
  throttle?: { maximumAvailable?: number; restoreRate?: number };
  settings?: Partial<Pick<SimSettingsPatch, "bulkChildrenFirst" | "bulkDelayMs" | "emitAppCausedWebhooks" | "apiVersion" | "appTopics" | "defaultVia">>;
}

export interface SimSettingsPatch {
  throttle?: { maximumAvailable?: number; restoreRate?: number };
  tokenTtlSeconds?: number;
  bulkChildrenFirst?: boolean;
  bulkDelayMs?: number;
  emitAppCausedWebhooks?: boolean;
  apiVersion?: string;
  appTopics?: string[];
  defaultVia?: Via;
  failGraphql?: number | { count: number; status?: number };
  stallGraphql?: { count: number; ms: number };
  throttleGraphql?: number;
  drainBucket?: boolean;
  revokeTokens?: boolean;
  expireAccessTokens?: boolean;
  refillBucket?: boolean;
}

export interface SimState {
  shop: string;
  installed: boolean;
  grantedScopes: string[];
  webhookSubscriptions: { id: string; topic: string; uri: string; format: string; includeFields: string[]; filter: string | null; metafields: { namespace: string; key: string }[] }[];
  webPixel: { id: string; settings: unknown } | null;
  metafieldDefinitions: { id: string; name: string; namespace: string; key: string; type: string; ownerType: string; pinned: boolean; access: unknown; capabilities: unknown }[];
  metafields: Record<string, Record<string, { type: string; value: string }>>;
  customerTags: Record<string, string[]>;
  segments: { id: string; name: string; query: string }[];
  flowTriggers: { handle: string; payload: unknown; receivedAt: string }[];
  bulkOperations: { id: string; status: string; errorCode: string | null; objectCount: number; rootObjectCount: number; groupObjects: boolean; query: string }[];
  graphqlCalls: Record<string, number>;
  throttledCalls: number;
  tokens: { exchanged: number; refreshed: number; codeGrants: number; issued: number; activeAccessTokens: number };
  deliveries: number;
}

export interface WebhookInput {
  topic: string;
  payload?: unknown;
  /** Raw JSON text, delivered byte for byte (keeps ids above 2^53 intact). */
  payloadText?: string;
  via?: Via;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: string;
  headers?: Record<string, string>;
}

export interface EmitFlags {
  emit?: boolean;
  via?: Via;
}

export interface LineInput {
  variantId?: string;
  productId?: string;
  quantity?: number;
  price?: string | number;
}

export interface OrderSummary {
  id: string;
  gid: string;
  name: string;
  customerId: string | null;
  checkoutToken: string;
  cartToken: string;
  totalPrice: string;
  financialStatus: string;
  lineItemIds: string[];
}

export interface CustomerSummary {
  id: string;
  gid: string;
  email: string | null;
  tags: string[];
  marketingState: string;
}

export interface ProductSummary {
  id: string;
  gid: string;
  handle: string;
  variantIds: string[];
}

type Recorded<T> = T & { deliveries: SimDelivery[] };

export class SimulatorError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(`${status} ${code}: ${message}`);
    this.status = status;
    this.code = code;
  }
}

export function simClient(baseUrl: string) {
  const base = baseUrl.replace(/\/$/, "");
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T & { error?: { code: string; message: string } };
    if (!response.ok) throw new SimulatorError(response.status, json.error?.code ?? "error", json.error?.message ?? response.statusText);
    return json;
  }
  const shopPath = (shop: string) => `/_sim/shops/${encodeURIComponent(shop)}`;
  return {
    baseUrl: base,
    adminOrigin: base,
    /** Resolves once every webhook an API call emitted in the background is delivered (pushed, or in the outbox). */
    settled: () => call<{ ok: true }>("GET", "/_sim/settled"),
    createShop: (options: CreateShopInput = {}) => call<{ shop: string; counts: SimCounts }>("POST", "/_sim/shops", options),
    shop: (shop: string) => call<{ shop: string; installed: boolean; grantedScopes: string[]; counts: SimCounts; now: string }>("GET", shopPath(shop)),
    sessionToken: async (shop: string, options: { sub?: string; expiresInSeconds?: number; apiKey?: string; secret?: string } = {}) =>
      (await call<{ token: string }>("POST", `${shopPath(shop)}/session-token`, options)).token,
    /** The token `shopify.sessionToken.get()` gives a checkout or customer account UI extension on this shop. */
    extensionSessionToken: async (
      shop: string,
      options: { customerId?: string; expiresInSeconds?: number; notBeforeInSeconds?: number; apiKey?: string; secret?: string; dest?: string } = {},
    ) => (await call<{ token: string }>("POST", `${shopPath(shop)}/extension-session-token`, options)).token,
    /** The query Shopify's app proxy would send for a storefront request (tests/helpers/storefront-requests.ts uses it). */
    appProxyQuery: async (shop: string, options: { query?: Record<string, string | string[]>; customerId?: string; timestamp?: number; secret?: string } = {}) =>
      (await call<{ query: string }>("POST", `${shopPath(shop)}/app-proxy-query`, options)).query,
    webhook: async (shop: string, input: WebhookInput) => (await call<{ delivery: SimDelivery }>("POST", `${shopPath(shop)}/webhooks`, input)).delivery,
    redeliver: async (shop: string, deliveryId: string) =>
      (await call<{ delivery: SimDelivery }>("POST", `${shopPath(shop)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, {})).delivery,
    compliance: (shop: string, input: { topic: "customers/data_request" | "customers/redact" | "shop/redact"; customerId?: string }) =>
      call<{ deliveries: SimDelivery[] }>("POST", `${shopPath(shop)}/compliance`, input),
    outbox: async (shop: string, options: { drain?: boolean } = {}) =>
      (await call<{ deliveries: SimDelivery[] }>("GET", `${shopPath(shop)}/outbox${options.drain === false ? "?drain=0" : ""}`)).deliveries,
    deliveries: async (shop: string) => (await call<{ deliveries: SimDelivery[] }>("GET", `${shopPath(shop)}/deliveries`)).deliveries,
    stats: (shop: string, since: string | Date) =>
      call<SimCounts & { since: string }>("GET", `${shopPath(shop)}/stats?since=${encodeURIComponent(since instanceof Date ? since.toISOString() : since)}`),
    state: (shop: string, options: { allTags?: boolean } = {}) => call<SimState>("GET", `${shopPath(shop)}/state${options.allTags ? "?tags=all" : ""}`),
    settings: (shop: string, patch: SimSettingsPatch) => call<unknown>("PATCH", `${shopPath(shop)}/settings`, patch),
    install: (shop: string) => call<unknown>("POST", `${shopPath(shop)}/install`, {}),
    uninstall: (shop: string, options: { via?: Via } = {}) => call<{ deliveries: SimDelivery[] }>("POST", `${shopPath(shop)}/uninstall`, options),
    setScopes: (shop: string, granted: string[], options: { via?: Via } = {}) =>
      call<{ grantedScopes: string[]; deliveries: SimDelivery[] }>("POST", `${shopPath(shop)}/scopes`, { granted, ...options }),
    createCustomer: (
      shop: string,
      input: { email?: string | null; firstName?: string; lastName?: string; phone?: string; country?: string; address1?: string; tags?: string[]; marketingState?: string } & EmitFlags = {},
    ) =>
      call<Recorded<{ customer: CustomerSummary }>>("POST", `${shopPath(shop)}/customers`, input),
    updateCustomer: (shop: string, id: string, input: { email?: string | null; firstName?: string; lastName?: string; country?: string; tags?: string[]; marketingState?: string } & EmitFlags) =>
      call<Recorded<{ customer: CustomerSummary }>>("PATCH", `${shopPath(shop)}/customers/${encodeURIComponent(id)}`, input),
    createOrder: (shop: string, input: { customerId?: string | null; email?: string | null; lines?: LineInput[]; financialStatus?: "paid" | "pending"; createdAt?: string; checkoutToken?: string; cartToken?: string; tags?: string[] } & EmitFlags = {}) =>
      call<Recorded<{ order: OrderSummary }>>("POST", `${shopPath(shop)}/orders`, input),
    refundOrder: (shop: string, id: string, input: { amount?: string | number; lines?: { lineItemId: string; quantity?: number }[]; note?: string } & EmitFlags = {}) =>
      call<Recorded<{ refund: { id: string; gid: string; orderId: string; amount: string }; order: OrderSummary }>>("POST", `${shopPath(shop)}/orders/${encodeURIComponent(id)}/refunds`, input),
    cancelOrder: (shop: string, id: string, input: { reason?: string } & EmitFlags = {}) =>
      call<Recorded<{ order: OrderSummary }>>("POST", `${shopPath(shop)}/orders/${encodeURIComponent(id)}/cancel`, input),
    deleteCustomer: (shop: string, id: string, input: EmitFlags = {}) =>
      call<Recorded<{ customer: CustomerSummary }>>("DELETE", `${shopPath(shop)}/customers/${encodeURIComponent(id)}`, input),
    deleteOrder: (shop: string, id: string, input: EmitFlags = {}) =>
      call<Recorded<{ order: OrderSummary }>>("DELETE", `${shopPath(shop)}/orders/${encodeURIComponent(id)}`, input),
    fulfillOrder: (shop: string, id: string, input: { lines?: { lineItemId: string; quantity?: number }[] } & EmitFlags = {}) =>
      call<Recorded<{ fulfillment: { id: string; gid: string }; order: OrderSummary }>>("POST", `${shopPath(shop)}/orders/${encodeURIComponent(id)}/fulfillments`, input),
    createProduct: (shop: string, input: ProductInput & EmitFlags = {}) => call<Recorded<{ product: ProductSummary }>>("POST", `${shopPath(shop)}/products`, input),
    updateProduct: (shop: string, id: string, input: ProductInput & EmitFlags) =>
      call<Recorded<{ product: ProductSummary }>>("PATCH", `${shopPath(shop)}/products/${encodeURIComponent(id)}`, input),
    deleteProduct: (shop: string, id: string, input: EmitFlags = {}) =>
      call<Recorded<{ product: ProductSummary }>>("DELETE", `${shopPath(shop)}/products/${encodeURIComponent(id)}`, input),
    createCheckout: (shop: string, input: { customerId?: string | null; email?: string | null; lines?: LineInput[]; token?: string; cartToken?: string } & EmitFlags = {}) =>
      call<Recorded<{ checkout: { id: string; gid: string; token: string; cartToken: string } }>>("POST", `${shopPath(shop)}/checkouts`, input),
    createCart: (shop: string, input: { token?: string; lines?: LineInput[] } & EmitFlags = {}) =>
      call<Recorded<{ cart: { token: string } }>>("POST", `${shopPath(shop)}/carts`, input),
    /** The merchant approves or declines an app subscription on Shopify's confirmation page. */
    decideSubscription: (shop: string, id: string, decision: "approve" | "decline") =>
      call<{ subscription: SimAppSubscription; returnUrl: string; deliveries: SimDelivery[] }>("POST", `${shopPath(shop)}/app-subscriptions/${encodeURIComponent(id)}/${decision}`, {}),
    /** Billing events on the merchant's side: a frozen or thawed shop, an expiry, a cancellation from the admin. */
    setSubscriptionStatus: (shop: string, id: string, status: "ACTIVE" | "FROZEN" | "EXPIRED" | "CANCELLED") =>
      call<{ subscription: SimAppSubscription; deliveries: SimDelivery[] }>("POST", `${shopPath(shop)}/app-subscriptions/${encodeURIComponent(id)}/status`, { status }),
    endBillingPeriod: (shop: string) => call<{ subscriptions: SimAppSubscription[]; deliveries: SimDelivery[] }>("POST", `${shopPath(shop)}/app-subscriptions/end-period`, {}),
    appSubscriptions: async (shop: string) => (await call<{ subscriptions: SimAppSubscription[] }>("GET", `${shopPath(shop)}/app-subscriptions`)).subscriptions,
  };
}

/** An app subscription as the simulator's control API shows it (the GraphQL node's fields). */
export interface SimAppSubscription {
  id: string;
  name: string;
  status: "PENDING" | "ACTIVE" | "DECLINED" | "EXPIRED" | "FROZEN" | "CANCELLED";
  test: boolean;
  trialDays: number;
  currentPeriodEnd: string | null;
  createdAt: string;
  returnUrl: string;
  approvedAt?: number | null;
  replacementBehavior?: string;
}

export interface ProductInput {
  title?: string;
  bodyHtml?: string;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[];
  status?: "ACTIVE" | "DRAFT" | "ARCHIVED";
  seo?: { title?: string | null; description?: string | null };
  variants?: { title?: string; price?: string | number; sku?: string | null; barcode?: string | null; inventory?: number }[];
  images?: { src: string; alt?: string | null }[];
}

export type SimClient = ReturnType<typeof simClient>;

/** Sends an outbox delivery to a fetch handler (e.g. the worker's `exports.default.fetch`). */
export function deliveryRequest(delivery: SimDelivery): Request {
  return new Request(delivery.url, { method: delivery.method, headers: delivery.headers, body: delivery.body });
}
