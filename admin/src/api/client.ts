import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AdminAppType } from "../../../worker/routes/admin/index.ts";
import { ApiError } from "./api-error.ts";

/** /admin/api as `hono/client` sees it: every path, method, input and JSON answer comes from the worker's routes. */
export type AdminApi = ReturnType<typeof hc<AdminAppType>>;
type Json<Call> = InferResponseType<Call>;
type JsonBody<Call> = InferRequestType<Call> extends { json: infer Body } ? Body : never;

export type BootstrapResponse = Json<AdminApi["bootstrap"]["$get"]>;
export type SetupResponse = Json<AdminApi["setup"]["$get"]>;
export type BackfillResponse = Json<AdminApi["backfill"]["$get"]>;
export type EventVolumeResponse = Json<AdminApi["events"]["volume"]["$get"]>;
export type StreamEvent = Json<AdminApi["events"]["recent"]["$get"]>["data"][number];
export type PixelSettingsResponse = Json<AdminApi["pixel"]["$get"]>;
export type SegmentView = Json<AdminApi["segments"]["$post"]>;
export type GetSegmentResponse = Json<AdminApi["segments"][":slug"]["$get"]>;
export type PreviewSegmentResponse = Json<AdminApi["segments"]["preview"]["$post"]>;
export type SuggestedSegmentsResponse = Json<AdminApi["segments"]["suggestions"]["$get"]>;
export type ListPrivacyRequestsResponse = Json<AdminApi["privacy"]["requests"]["$get"]>;
export type PrivacyRequest = ListPrivacyRequestsResponse["data"][number];
export type PrivacySettingsResponse = Json<AdminApi["privacy"]["settings"]["$get"]>;
export type SuggestedSegment = SuggestedSegmentsResponse["suggestions"][number];
export type DiscountRulesResponse = Json<AdminApi["discounts"]["$get"]>;
export type DiscountRule = Json<AdminApi["discounts"]["$post"]>;
export type DiscountRuleBody = JsonBody<AdminApi["discounts"]["$post"]>;
export type DiscountRulePatch = JsonBody<AdminApi["discounts"][":id"]["$patch"]>;
export type LandingPageView = Json<AdminApi["landing-pages"]["$post"]>;
export type LandingPageBody = JsonBody<AdminApi["landing-pages"]["$post"]>;
export type LandingPagePreview = Json<AdminApi["landing-pages"]["preview"]["$post"]>;
export type BillingResponse = Json<AdminApi["billing"]["$get"]>;
export type BillingPlanId = BillingResponse["plan"];
export type BillingOutcome = Json<AdminApi["billing"]["confirm"]["$post"]>["outcome"];
export type CatalogQuery = NonNullable<InferRequestType<AdminApi["products"]["$get"]>["query"]>;
export type CatalogPage = Json<AdminApi["products"]["$get"]>;
export type CatalogRow = CatalogPage["data"][number];
export type CatalogSummary = Json<AdminApi["products"]["summary"]["$get"]>;
export type ProductScore = Json<AdminApi["products"][":id"]["score"]["$get"]>;
export type ProductSyncView = Json<AdminApi["product-sync"]["$get"]>;
export type PushRun = NonNullable<ProductSyncView["push"]["last"]>;

export type ApiClientOptions = {
  /** A fresh App Bridge session token (`shopify.idToken()`). */
  idToken: () => Promise<string>;
  /** Told about every bootstrap, including the one re-run after a 409. */
  onBootstrap?: (bootstrap: BootstrapResponse) => void;
  fetch?: typeof fetch;
};

type Retried = { token: boolean; bootstrap: boolean };

/** The answer of a call that got through: the client's fetch has already thrown every failure as an ApiError. */
const json = async <T>(call: Promise<{ json(): Promise<T> }>): Promise<T> => (await call).json();
/** `hc` puts path parameters into the URL as they are. */
const bySlug = (slug: string) => ({ param: { slug: encodeURIComponent(slug) } });

/** The embedded admin's typed client for /admin/api; every failure is thrown as an ApiError. */
export function createApiClient(options: ApiClientOptions) {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  /** Adds a fresh session token to every attempt, retries as Shopify and the install ask, and maps failures to ApiError. */
  function authorizedFetch(rebootstrap: boolean): typeof fetch {
    async function attempt(input: RequestInfo | URL, init: RequestInit | undefined, retried: Retried): Promise<Response> {
      let res: Response;
      try {
        const headers = new Headers(init?.headers);
        headers.set("Authorization", `Bearer ${await options.idToken()}`);
        res = await fetchImpl(input, { ...init, headers });
      } catch (error) {
        throw ApiError.network(error);
      }
      // Shopify's contract: this header means "fetch a fresh session token and try once more".
      if (res.status === 401 && res.headers.has("X-Shopify-Retry-Invalid-Session-Request") && !retried.token) {
        return attempt(input, init, { ...retried, token: true });
      }
      if (res.status === 409 && rebootstrap && !retried.bootstrap) {
        await bootstrap();
        return attempt(input, init, { ...retried, bootstrap: true });
      }
      if (!res.ok) throw await ApiError.from(res);
      return res;
    }
    return (input, init) => attempt(input, init, { token: false, bootstrap: false });
  }

  const api = hc<AdminAppType>("/admin/api", { fetch: authorizedFetch(false) });
  // The setup and key endpoints answer 409 only to a shop without an installed tenant, which the bootstrap installs;
  // others have 409s of their own (a backfill already running, a segment that is not pushed) and surface them as is.
  const installed = hc<AdminAppType>("/admin/api", { fetch: authorizedFetch(true) });

  async function bootstrap(): Promise<BootstrapResponse> {
    const result = await json(api.bootstrap.$get());
    options.onBootstrap?.(result);
    return result;
  }

  return {
    bootstrap,
    setup: () => json(installed.setup.$get()),
    retrySetup: () => json(installed.setup.retry.$post()),
    revealServerKey: () => json(installed.keys.server.reveal.$post()),
    rotateKey: (kind: "public" | "server") => json(installed.keys[":kind"].rotate.$post({ param: { kind } })),
    revokeKey: async (id: string): Promise<void> => {
      await installed.keys[":id"].revoke.$post({ param: { id: encodeURIComponent(id) } });
    },
    backfill: {
      load: () => json(api.backfill.$get()),
      start: () => json(api.backfill.$post()),
    },
    events: {
      recent: (after?: string | null) => json(api.events.recent.$get({ query: { limit: "50", after: after || undefined } })),
      volume: (days: number) => json(api.events.volume.$get({ query: { days: String(days), utcOffset: String(-new Date().getTimezoneOffset()) } })),
    },
    pixel: {
      load: () => json(api.pixel.$get()),
      save: (body: JsonBody<AdminApi["pixel"]["$put"]>) => json(api.pixel.$put({ json: body })),
    },
    privacy: {
      requests: (cursor?: string | null) => json(api.privacy.requests.$get({ query: { limit: "50", cursor: cursor || undefined } })),
      exportLink: (id: string) => json(api.privacy.requests[":id"]["export-link"].$post({ param: { id: encodeURIComponent(id) } })),
      settings: () => json(api.privacy.settings.$get()),
      saveSettings: (body: JsonBody<AdminApi["privacy"]["settings"]["$put"]>) => json(api.privacy.settings.$put({ json: body })),
    },
    segments: {
      list: () => json(api.segments.$get({ query: {} })),
      get: (slug: string) => json(api.segments[":slug"].$get(bySlug(slug))),
      create: (body: JsonBody<AdminApi["segments"]["$post"]>) => json(api.segments.$post({ json: body })),
      update: (slug: string, body: JsonBody<AdminApi["segments"][":slug"]["$patch"]>) => json(api.segments[":slug"].$patch({ ...bySlug(slug), json: body })),
      remove: async (slug: string) => void (await api.segments[":slug"].$delete(bySlug(slug))),
      recompute: (slug: string) => json(api.segments[":slug"].recompute.$post(bySlug(slug))),
      push: (slug: string) => json(api.segments[":slug"].push.$post(bySlug(slug))),
      preview: (body: JsonBody<AdminApi["segments"]["preview"]["$post"]>) => json(api.segments.preview.$post({ json: body })),
      suggestions: () => json(api.segments.suggestions.$get()),
      accept: (key: string) => json(api.segments.suggestions.accept.$post({ json: { key } })),
    },
    discounts: {
      list: () => json(api.discounts.$get()),
      create: (body: DiscountRuleBody) => json(api.discounts.$post({ json: body })),
      update: (id: string, body: DiscountRulePatch) => json(api.discounts[":id"].$patch({ param: { id: encodeURIComponent(id) }, json: body })),
      remove: async (id: string) => void (await api.discounts[":id"].$delete({ param: { id: encodeURIComponent(id) } })),
    },
    billing: {
      load: () => json(api.billing.$get()),
      subscribe: (plan: BillingPlanId) => json(api.billing.subscribe.$post({ json: { plan } })),
      confirm: (chargeId: string) => json(api.billing.confirm.$post({ json: { chargeId } })),
    },
    catalog: {
      list: (query: CatalogQuery) => json(api.products.$get({ query })),
      summary: () => json(api.products.summary.$get()),
      score: (id: string) => json(api.products[":id"].score.$get({ param: { id: encodeURIComponent(id) } })),
    },
    productSync: {
      load: () => json(api["product-sync"].$get()),
      save: (body: JsonBody<AdminApi["product-sync"]["$put"]>) => json(api["product-sync"].$put({ json: body })),
      push: () => json(api["product-sync"].push.$post()),
    },
    landingPages: {
      list: () => json(api["landing-pages"].$get()),
      create: (body: LandingPageBody) => json(api["landing-pages"].$post({ json: body })),
      update: (slug: string, body: JsonBody<AdminApi["landing-pages"][":slug"]["$patch"]>) => json(api["landing-pages"][":slug"].$patch({ ...bySlug(slug), json: body })),
      remove: async (slug: string) => void (await api["landing-pages"][":slug"].$delete(bySlug(slug))),
      preview: (body: JsonBody<AdminApi["landing-pages"]["preview"]["$post"]>) => json(api["landing-pages"].preview.$post({ json: body })),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type SegmentsApi = ApiClient["segments"];
export type DiscountsApi = ApiClient["discounts"];
export type LandingPagesApi = ApiClient["landingPages"];
