import { describe, expect, it } from "vitest";
import type { EventVolumeResponse, RecentEventsResponse } from "../../../../worker/routes/admin/event-stream.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { adminJson, appFetch } from "../../../helpers/harness.ts";
import { insertEvents } from "../../../helpers/insert-events.ts";

describe("/admin/api/events (security)", () => {
  it.each(["/admin/api/events/recent", "/admin/api/events/volume"])("answers %s without a session token with 401", async (path) => {
    expect((await appFetch(path)).status).toBe(401);
  });

  it("shows a shop only its own events, in the stream, its pages and the volume", async () => {
    const [a, b] = await Promise.all([adminTenant(), adminTenant()]);
    const now = Date.now();
    const [aEvent] = await insertEvents(a.tenantId, [{ name: "page_view", source: "pixel", occurredAt: now - 2_000 }]);
    await insertEvents(b.tenantId, [
      { name: "purchase", source: "webhook", occurredAt: now - 1_000 },
      { name: "purchase", source: "webhook", occurredAt: now - 3_000 },
    ]);
    const stream = await adminJson<RecentEventsResponse>(a.shop, "/events/recent?limit=1");
    expect(stream).toEqual({ data: [expect.objectContaining({ id: aEvent })], nextCursor: null });

    // A cursor from B's stream pages A's events only.
    const bPage = await adminJson<RecentEventsResponse>(b.shop, "/events/recent?limit=1");
    const crossed = await adminJson<RecentEventsResponse>(a.shop, `/events/recent?after=${bPage.nextCursor}`);
    expect(crossed.data.map((event) => event.id)).toEqual([aEvent]);

    const volume = await adminJson<EventVolumeResponse>(a.shop, "/events/volume?days=1");
    expect(volume.days[0]).toMatchObject({ total: 1, pixel: 1, webhook: 0 });
  });
});
