import type { BackfillResponse } from "../../../worker/routes/admin/backfill.ts";
import type { EventVolumeResponse, RecentEventsResponse } from "../../../worker/routes/admin/event-stream.ts";
import type { BootstrapResponse } from "../../../worker/routes/admin/get-bootstrap.ts";
import type { SetupResponse } from "../../../worker/routes/admin/get-setup.ts";
import type { RevealServerKeyResponse, RotateKeyResponse } from "../../../worker/routes/admin/keys.ts";
import type { PixelSettingsResponse, UpdatePixelSettingsBody, UpdatePixelSettingsResponse } from "../../../worker/routes/admin/pixel-settings.ts";
import type { ExportLinkResponse, ListPrivacyRequestsResponse, PrivacySettingsResponse, UpdatePrivacySettingsBody } from "../../../worker/routes/admin/privacy.ts";
import type { CreateSegmentBody } from "../../../worker/routes/segments/create-segment.ts";
import type { GetSegmentResponse } from "../../../worker/routes/segments/get-segment.ts";
import type { ListSegmentsResponse } from "../../../worker/routes/segments/list-segments.ts";
import type { PreviewSegmentBody, PreviewSegmentResponse } from "../../../worker/routes/segments/preview-segment.ts";
import type { PushSegmentResponse } from "../../../worker/routes/segments/push-segment.ts";
import type { RecomputeSegmentResponse } from "../../../worker/routes/segments/recompute-segment.ts";
import type { SuggestedSegmentsResponse } from "../../../worker/routes/segments/suggested-segments.ts";
import type { UpdateSegmentBody } from "../../../worker/routes/segments/update-segment.ts";
import type { SegmentView } from "../../../worker/services/segments/segment-view.ts";
import { ApiError } from "./api-error.ts";

export type { BackfillResponse, BootstrapResponse, EventVolumeResponse, GetSegmentResponse, PixelSettingsResponse, PreviewSegmentResponse, SegmentView, SetupResponse, SuggestedSegmentsResponse };
export type { ListPrivacyRequestsResponse, PrivacySettingsResponse };
export type PrivacyRequest = ListPrivacyRequestsResponse["data"][number];
export type StreamEvent = RecentEventsResponse["data"][number];
export type SuggestedSegment = SuggestedSegmentsResponse["suggestions"][number];

export type ApiClientOptions = {
  /** A fresh App Bridge session token (`shopify.idToken()`). */
  idToken: () => Promise<string>;
  /** Told about every bootstrap, including the one re-run after a 409. */
  onBootstrap?: (bootstrap: BootstrapResponse) => void;
  fetch?: typeof fetch;
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
// The setup and key endpoints answer 409 only to a shop without an installed tenant, which the bootstrap installs;
// others have 409s of their own (a backfill already running, a segment that is not pushed) and surface them as is.
type Call = { body?: unknown; rebootstrap?: boolean };
type Retried = { token: boolean; bootstrap: boolean };

const REBOOTSTRAP: Call = { rebootstrap: true };

/** The embedded admin's typed client for /admin/api; every failure is thrown as an ApiError. */
export function createApiClient(options: ApiClientOptions) {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(method: Method, path: string, call: Call = {}, retried: Retried = { token: false, bootstrap: false }): Promise<Response> {
    let res: Response;
    try {
      const headers: Record<string, string> = { Authorization: `Bearer ${await options.idToken()}` };
      if (call.body !== undefined) headers["Content-Type"] = "application/json";
      res = await fetchImpl(`/admin/api${path}`, { method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
    } catch (error) {
      throw ApiError.network(error);
    }
    // Shopify's contract: this header means "fetch a fresh session token and try once more".
    if (res.status === 401 && res.headers.has("X-Shopify-Retry-Invalid-Session-Request") && !retried.token) {
      return send(method, path, call, { ...retried, token: true });
    }
    if (res.status === 409 && call.rebootstrap && !retried.bootstrap) {
      await bootstrap();
      return send(method, path, call, { ...retried, bootstrap: true });
    }
    if (!res.ok) throw await ApiError.from(res);
    return res;
  }

  const json = async <T>(method: Method, path: string, call?: Call): Promise<T> => (await (await send(method, path, call)).json()) as T;

  async function bootstrap(): Promise<BootstrapResponse> {
    const result = await json<BootstrapResponse>("GET", "/bootstrap");
    options.onBootstrap?.(result);
    return result;
  }

  const segment = (slug: string) => `/segments/${encodeURIComponent(slug)}`;

  return {
    bootstrap,
    setup: () => json<SetupResponse>("GET", "/setup", REBOOTSTRAP),
    retrySetup: () => json<SetupResponse>("POST", "/setup/retry", REBOOTSTRAP),
    revealServerKey: () => json<RevealServerKeyResponse>("POST", "/keys/server/reveal", REBOOTSTRAP),
    rotateKey: (kind: "public" | "server") => json<RotateKeyResponse>("POST", `/keys/${kind}/rotate`, REBOOTSTRAP),
    revokeKey: async (id: string): Promise<void> => {
      await send("POST", `/keys/${encodeURIComponent(id)}/revoke`, REBOOTSTRAP);
    },
    backfill: {
      load: () => json<BackfillResponse>("GET", "/backfill"),
      start: () => json<BackfillResponse>("POST", "/backfill"),
    },
    events: {
      recent: (after?: string | null) => json<RecentEventsResponse>("GET", `/events/recent?limit=50${after ? `&after=${encodeURIComponent(after)}` : ""}`),
      volume: (days: number) => json<EventVolumeResponse>("GET", `/events/volume?days=${days}&utcOffset=${-new Date().getTimezoneOffset()}`),
    },
    pixel: {
      load: () => json<PixelSettingsResponse>("GET", "/pixel"),
      save: (body: UpdatePixelSettingsBody) => json<UpdatePixelSettingsResponse>("PUT", "/pixel", { body }),
    },
    privacy: {
      requests: (cursor?: string | null) => json<ListPrivacyRequestsResponse>("GET", `/privacy/requests?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
      exportLink: (id: string) => json<ExportLinkResponse>("POST", `/privacy/requests/${encodeURIComponent(id)}/export-link`),
      settings: () => json<PrivacySettingsResponse>("GET", "/privacy/settings"),
      saveSettings: (body: UpdatePrivacySettingsBody) => json<PrivacySettingsResponse>("PUT", "/privacy/settings", { body }),
    },
    segments: {
      list: () => json<ListSegmentsResponse>("GET", "/segments"),
      get: (slug: string) => json<GetSegmentResponse>("GET", segment(slug)),
      create: (body: CreateSegmentBody) => json<SegmentView>("POST", "/segments", { body }),
      update: (slug: string, body: UpdateSegmentBody) => json<SegmentView>("PATCH", segment(slug), { body }),
      remove: async (slug: string) => void (await send("DELETE", segment(slug))),
      recompute: (slug: string) => json<RecomputeSegmentResponse>("POST", `${segment(slug)}/recompute`),
      push: (slug: string) => json<PushSegmentResponse>("POST", `${segment(slug)}/push`),
      preview: (body: PreviewSegmentBody) => json<PreviewSegmentResponse>("POST", "/segments/preview", { body }),
      suggestions: () => json<SuggestedSegmentsResponse>("GET", "/segments/suggestions"),
      accept: (key: string) => json<SegmentView>("POST", "/segments/suggestions/accept", { body: { key } }),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type SegmentsApi = ApiClient["segments"];
