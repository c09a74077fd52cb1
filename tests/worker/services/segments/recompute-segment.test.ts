import { describe, expect, it } from "vitest";
import type { TenantContext } from "../../../../worker/context/deps.ts";
import { createSegment } from "../../../../worker/services/segments/create-segment.ts";
import { findSegment } from "../../../../worker/services/segments/find-segment.ts";
import { recomputeSegment } from "../../../../worker/services/segments/recompute-segment.ts";
import { memberships, seedEvents, seedProfiles, updateProfile } from "../../../helpers/seed-profiles.ts";
import { tenantContext as tenantCtx } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const HOUR = 3_600_000;

async function recompute(ctx: TenantContext, slug: string, now: number) {
  const segment = await findSegment({ ctx, input: { slug } });
  const outcome = await recomputeSegment({ ctx, input: { segment: segment!, now } });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

async function sizes(tenantId: string, segmentId: string) {
  const { results } = await (await tenantDb(tenantId))
    .prepare("SELECT computed_at, size, entered, left FROM segment_sizes WHERE tenant_id = ? AND segment_id = ? ORDER BY computed_at")
    .bind(tenantId, segmentId)
    .all();
  return results;
}

describe("recomputeSegment", () => {
  it("records who entered and left with the recompute's time, and a new stay when someone comes back", async () => {
    const ctx = await tenantCtx();
    const [a, b, c] = await seedProfiles(ctx.tenantId, [{ tags: ["vip"] }, { tags: ["vip"] }, { tags: [] }]);
    const created = await createSegment({ ctx, input: { name: "vip", kind: "customer", query: 'tags contains "vip"', pushMode: "none" } });
    if (!created.ok) throw new Error(created.error.message);
    const t0 = (await memberships(ctx.tenantId, created.value.id))[0]!.entered_at;

    await updateProfile(ctx.tenantId, a!, { tags: [] });
    await updateProfile(ctx.tenantId, c!, { tags: ["vip"] });
    const t1 = t0 + HOUR;
    expect(await recompute(ctx, "vip", t1)).toEqual({ segmentId: created.value.id, computedAt: t1, size: 2, entered: 1, left: 1 });

    await updateProfile(ctx.tenantId, a!, { tags: ["VIP"] });
    const t2 = t1 + HOUR;
    expect(await recompute(ctx, "vip", t2)).toMatchObject({ size: 3, entered: 1, left: 0 });
    expect(await memberships(ctx.tenantId, created.value.id)).toEqual([
      { member_id: a, entered_at: t0, left_at: t1 },
      { member_id: b, entered_at: t0, left_at: null },
      { member_id: c, entered_at: t1, left_at: null },
      { member_id: a, entered_at: t2, left_at: null },
    ].sort((x, y) => x.entered_at - y.entered_at || x.member_id!.localeCompare(y.member_id!)));
  });

  it("makes redacted profiles leave", async () => {
    const ctx = await tenantCtx();
    const [a, b] = await seedProfiles(ctx.tenantId, [{ ordersCount: 1 }, { ordersCount: 1 }]);
    const created = await createSegment({ ctx, input: { name: "buyers", kind: "customer", query: "orders_count >= 1", pushMode: "none" } });
    expect(created.ok && created.value.memberCount).toBe(2);
    await updateProfile(ctx.tenantId, b!, { redactedAt: Date.now() });
    expect(await recompute(ctx, "buyers", Date.now() + 1)).toMatchObject({ size: 1, entered: 0, left: 1 });
    const current = (await memberships(ctx.tenantId, created.ok ? created.value.id : "")).filter((row) => row.left_at === null);
    expect(current.map((row) => row.member_id)).toEqual([a]);
  });

  it("follows event windows as time passes, without any new data", async () => {
    const ctx = await tenantCtx();
    const now = Date.now();
    const [p] = await seedProfiles(ctx.tenantId, [{}]);
    await seedEvents(ctx.tenantId, [{ profileId: p!, name: "add_to_cart", occurredAt: now - 23 * HOUR }]);
    await createSegment({ ctx, input: { name: "carts", kind: "customer", query: "add_to_cart.count(24h) >= 1", pushMode: "none" } });
    expect(await recompute(ctx, "carts", now + 2 * HOUR)).toMatchObject({ size: 0, left: 1 });
  });

  it("keeps a size point per change and one a day, not one per unchanged run", async () => {
    const ctx = await tenantCtx();
    await seedProfiles(ctx.tenantId, [{ ordersCount: 1 }]);
    const created = await createSegment({ ctx, input: { name: "buyers", kind: "customer", query: "orders_count >= 1", pushMode: "none" } });
    const id = created.ok ? created.value.id : "";
    const [first] = await sizes(ctx.tenantId, id);
    const t0 = first!.computed_at as number;
    await recompute(ctx, "buyers", t0 + HOUR);
    await recompute(ctx, "buyers", t0 + 2 * HOUR);
    expect(await sizes(ctx.tenantId, id)).toHaveLength(1);
    await recompute(ctx, "buyers", t0 + 25 * HOUR);
    expect(await sizes(ctx.tenantId, id)).toEqual([
      { computed_at: t0, size: 1, entered: 1, left: 0 },
      { computed_at: t0 + 25 * HOUR, size: 1, entered: 0, left: 0 },
    ]);
  });

  it("refuses, at save time, a query too big for the recompute's statements", async () => {
    const ctx = await tenantCtx();
    const codes = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => `"${String.fromCharCode(65 + Math.floor((i + from) / 26))}${String.fromCharCode(65 + ((i + from) % 26))}"`).join(", ");
    const query = `country in (${codes(50, 0)}) or country in (${codes(47, 50)})`;
    const created = await createSegment({ ctx, input: { name: "many", kind: "customer", query, pushMode: "none" } });
    expect(created).toMatchObject({ ok: false, error: { reason: "query", message: /needs 103 bound values/ } });
  });
});
