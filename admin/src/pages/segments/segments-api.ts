import type { ErrorBody } from "../../../../worker/errors.ts";
import type { CreateSegmentBody } from "../../../../worker/routes/segments/create-segment.ts";
import type { GetSegmentResponse } from "../../../../worker/routes/segments/get-segment.ts";
import type { ListSegmentsResponse } from "../../../../worker/routes/segments/list-segments.ts";
import type { PreviewSegmentBody, PreviewSegmentResponse } from "../../../../worker/routes/segments/preview-segment.ts";
import type { PushSegmentResponse } from "../../../../worker/routes/segments/push-segment.ts";
import type { RecomputeSegmentResponse } from "../../../../worker/routes/segments/recompute-segment.ts";
import type { SuggestedSegmentsResponse } from "../../../../worker/routes/segments/suggested-segments.ts";
import type { UpdateSegmentBody } from "../../../../worker/routes/segments/update-segment.ts";
import type { SegmentView } from "../../../../worker/services/segments/segment-view.ts";
import { ApiError } from "../../api/api-error.ts";

export type { GetSegmentResponse, PreviewSegmentResponse, SegmentView, SuggestedSegmentsResponse };
export type SuggestedSegment = SuggestedSegmentsResponse["suggestions"][number];

/** An admin API failure that may point into the query: a DSL error's line, column and hint, or the blocking rule. */
export class SegmentApiError extends ApiError {
  readonly details: Record<string, unknown> | null;

  constructor(base: ApiError, details: Record<string, unknown> | null) {
    super(base.status, base.code, base.message, base.requestId);
    this.details = details;
  }
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** The segment endpoints of /admin/api, each call with a fresh App Bridge session token. */
export function createSegmentsApi(idToken: () => Promise<string> = () => shopify.idToken()) {
  async function send(method: Method, path: string, body?: unknown, retried = false): Promise<Response> {
    let res: Response;
    try {
      const headers: Record<string, string> = { Authorization: `Bearer ${await idToken()}` };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      res = await fetch(`/admin/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw ApiError.network(error);
    }
    // Shopify's contract: this header means "fetch a fresh session token and try once more".
    if (res.status === 401 && res.headers.has("X-Shopify-Retry-Invalid-Session-Request") && !retried) return send(method, path, body, true);
    if (!res.ok) {
      const envelope = (await res.clone().json().catch(() => null)) as Partial<ErrorBody> | null;
      throw new SegmentApiError(await ApiError.from(res), envelope?.error?.details ?? null);
    }
    return res;
  }
  const json = async <T>(method: Method, path: string, body?: unknown): Promise<T> => (await (await send(method, path, body)).json()) as T;
  const at = (slug: string) => `/segments/${encodeURIComponent(slug)}`;

  return {
    list: () => json<ListSegmentsResponse>("GET", "/segments"),
    get: (slug: string) => json<GetSegmentResponse>("GET", at(slug)),
    create: (body: CreateSegmentBody) => json<SegmentView>("POST", "/segments", body),
    update: (slug: string, body: UpdateSegmentBody) => json<SegmentView>("PATCH", at(slug), body),
    remove: async (slug: string) => void (await send("DELETE", at(slug))),
    recompute: (slug: string) => json<RecomputeSegmentResponse>("POST", `${at(slug)}/recompute`),
    push: (slug: string) => json<PushSegmentResponse>("POST", `${at(slug)}/push`),
    preview: (body: PreviewSegmentBody) => json<PreviewSegmentResponse>("POST", "/segments/preview", body),
    suggestions: () => json<SuggestedSegmentsResponse>("GET", "/segments/suggestions"),
    accept: (key: string) => json<SegmentView>("POST", "/segments/suggestions/accept", { key }),
  };
}

export type SegmentsApi = ReturnType<typeof createSegmentsApi>;
