import { describe, expectTypeOf, it } from "vitest";
import type { InferRequestType } from "hono/client";
import type { AdminApi, ApiClient, BootstrapResponse, PreviewSegmentResponse, SegmentView } from "../../../admin/src/api/client.ts";
import type { BackfillResponse } from "../../../worker/routes/admin/backfill.ts";
import type { RecentEventsResponse } from "../../../worker/routes/admin/event-stream.ts";
import type { BootstrapResponse as DeclaredBootstrap } from "../../../worker/routes/admin/get-bootstrap.ts";
import type { SetupResponse } from "../../../worker/routes/admin/get-setup.ts";
import type { RevealServerKeyResponse, RotateKeyResponse } from "../../../worker/routes/admin/keys.ts";
import type { UpdatePixelSettingsBody, UpdatePixelSettingsResponse } from "../../../worker/routes/admin/pixel-settings.ts";
import type { CreateSegmentBody, CreateSegmentResponse } from "../../../worker/routes/segments/create-segment.ts";
import type { GetSegmentResponse } from "../../../worker/routes/segments/get-segment.ts";
import type { PreviewSegmentBody } from "../../../worker/routes/segments/preview-segment.ts";
import type { RecomputeSegmentResponse } from "../../../worker/routes/segments/recompute-segment.ts";
import type { UpdateSegmentBody } from "../../../worker/routes/segments/update-segment.ts";

// These are checked by `npm run typecheck` (tsc -p tsconfig.admin.json), which fails when the worker's routes and
// the admin disagree; at run time vitest sees only that the file loads.

type Answer<Method> = Method extends (...args: never[]) => Promise<infer T> ? T : never;

/** Reads answers the way the pages do; never called, only type-checked. */
function readLikeAPage(api: ApiClient) {
  return async () => {
    const segment = await api.segments.get("vip");
    const preview = await api.segments.preview({ kind: "customer", query: "orders_count >= 2" });
    // @ts-expect-error: GET /segments/:slug answers `memberCount`; a page reading a field the route does not send fails here
    const members: number = segment.size;
    // @ts-expect-error: an invalid preview carries `error`, not `count`, until the page narrows on `valid`
    const count: number = preview.count;
    return [members, count, segment.memberCount, preview.valid ? preview.count : preview.error.message];
  };
}

/** Calls the way the client does; never called, only type-checked. */
function callLikeTheClient(api: AdminApi) {
  return [
    // @ts-expect-error: there is no /admin/api/segment (the route is /segments)
    () => api.segment.$get(),
    // @ts-expect-error: /bootstrap answers GET only
    () => api.bootstrap.$post(),
    // @ts-expect-error: the slug is a path parameter of GET /segments/:slug
    () => api.segments[":slug"].$get({ param: {} }),
    // @ts-expect-error: PUT /pixel validates its body, where samplingPercent is a number
    () => api.pixel.$put({ json: { trackedEvents: [], samplingPercent: "50" } }),
    // @ts-expect-error: the event stream's query carries strings, as a URL does
    () => api.events.recent.$get({ query: { limit: 50 } }),
  ];
}

describe("the admin's API client, typed from the worker's routes", () => {
  it("answers what each route's handler sends", () => {
    expectTypeOf<Answer<ApiClient["setup"]>>().toEqualTypeOf<SetupResponse>();
    expectTypeOf<Answer<ApiClient["backfill"]["load"]>>().toEqualTypeOf<BackfillResponse>();
    expectTypeOf<Answer<ApiClient["events"]["recent"]>>().toEqualTypeOf<RecentEventsResponse>();
    expectTypeOf<Answer<ApiClient["revealServerKey"]>>().toEqualTypeOf<RevealServerKeyResponse>();
    expectTypeOf<Answer<ApiClient["pixel"]["save"]>>().toEqualTypeOf<UpdatePixelSettingsResponse>();
    expectTypeOf<Answer<ApiClient["segments"]["recompute"]>>().toEqualTypeOf<RecomputeSegmentResponse>();
    expectTypeOf<Answer<ApiClient["segments"]["push"]>>().toEqualTypeOf<{ slug: string; queued: true }>();
    // Narrower than the declared types where the handler sends less: the rotated key's warning is always null today.
    expectTypeOf<Answer<ApiClient["rotateKey"]>>().toEqualTypeOf<{ id: string; kind: "public" | "server"; key: string; warning: null }>();
    expectTypeOf<Answer<ApiClient["rotateKey"]>>().toExtend<RotateKeyResponse>();
    expectTypeOf<BootstrapResponse>().toExtend<DeclaredBootstrap>();
    expectTypeOf<BootstrapResponse["tenant"]["status"]>().toEqualTypeOf<"installing" | "active" | "uninstalled">();
  });

  it("sees each answer as JSON: what cannot be serialized is not promised", () => {
    expectTypeOf<SegmentView>().toExtend<CreateSegmentResponse>();
    expectTypeOf<Answer<ApiClient["segments"]["get"]>>().toExtend<GetSegmentResponse>();
    expectTypeOf<SegmentView["queryJson"]>().not.toBeUnknown();
    expectTypeOf<Extract<PreviewSegmentResponse, { valid: false }>["error"]>().toHaveProperty("message");
    expectTypeOf<Extract<PreviewSegmentResponse, { valid: true }>>().toHaveProperty("count").toEqualTypeOf<number>();
  });

  it("takes the inputs each route validates", () => {
    expectTypeOf<Parameters<ApiClient["segments"]["create"]>[0]>().toEqualTypeOf<CreateSegmentBody>();
    expectTypeOf<Parameters<ApiClient["segments"]["update"]>[1]>().toEqualTypeOf<UpdateSegmentBody>();
    expectTypeOf<Parameters<ApiClient["segments"]["preview"]>[0]>().toEqualTypeOf<PreviewSegmentBody>();
    expectTypeOf<Parameters<ApiClient["pixel"]["save"]>[0]>().toEqualTypeOf<UpdatePixelSettingsBody>();
    type Members = InferRequestType<AdminApi["segments"][":slug"]["members"]["$get"]>;
    expectTypeOf<Members["param"]>().toEqualTypeOf<{ slug: string }>();
    expectTypeOf<Members["query"]>().toEqualTypeOf<{ limit?: string | string[]; cursor?: string | undefined }>();
    expectTypeOf<InferRequestType<AdminApi["keys"][":id"]["revoke"]["$post"]>["param"]>().toEqualTypeOf<{ id: string }>();
  });

  it("type-checks the page-like reads and client-like calls above", () => {
    expectTypeOf(readLikeAPage).returns.toBeFunction();
    expectTypeOf(callLikeTheClient).returns.toBeArray();
  });
});
