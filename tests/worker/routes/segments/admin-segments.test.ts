import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { PreviewSegmentResponse } from "../../../../worker/routes/segments/preview-segment.ts";
import type { SuggestionsView } from "../../../../worker/services/segments/list-suggested-segments.ts";
import type { SegmentView } from "../../../../worker/services/segments/segment-view.ts";
import { adminFetch, adminJson, createSimShop } from "../../../helpers/harness.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { seedEvents, seedProfiles } from "../../../helpers/seed-profiles.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const DAY = 86_400_000;
const post = (body: unknown) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function adminTenant() {
  const shop = await createSimShop({ size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } });
  return seedTenant({ shop });
}

describe("/admin/api/segments", () => {
  it("previews a query's member count before saving, and its translatability", async () => {
    const tenant = await adminTenant();
    await seedProfiles(tenant.tenantId, [{ country: "US" }, { country: "CA" }, { country: "DE" }]);
    const preview = await adminJson<PreviewSegmentResponse>(tenant.shop, "/segments/preview", post({ kind: "customer", query: 'country in ("us", "ca")' }));
    expect(preview).toEqual({
      valid: true,
      count: 2,
      canonical: 'country in ("US", "CA")',
      translation: { translatable: true, query: "customer_countries CONTAINS 'US' OR customer_countries CONTAINS 'CA'" },
    });
    expect(((await adminJson<{ data: unknown[] }>(tenant.shop, "/segments")).data)).toEqual([]);
  });

  it("answers an invalid query in the preview with its position instead of failing the request", async () => {
    const tenant = await adminTenant();
    const preview = await adminJson<PreviewSegmentResponse>(tenant.shop, "/segments/preview", post({ kind: "customer", query: "orders_count >= 1 and\n  purchse.count(30d) >= 1" }));
    expect(preview).toEqual({ valid: false, error: { message: "unknown event `purchse`", hint: "did you mean `purchase`?", line: 2, column: 3 } });
  });

  it("waits for the backfill before suggesting, then suggests with counts and accepts one", async () => {
    const tenant = await adminTenant();
    const now = Date.now();
    const db = await tenantDb(tenant.tenantId);
    await db.prepare("INSERT INTO jobs (id, tenant_id, kind, status, params, created_at) VALUES (?, ?, 'backfill', 'running', '{}', ?)")
      .bind(`job_${tenant.tenantId}`, tenant.tenantId, now)
      .run();
    expect(await adminJson<SuggestionsView>(tenant.shop, "/segments/suggestions")).toEqual({ status: "waiting_for_backfill", suggestions: [] });

    const [repeat, , abandoner] = await seedProfiles(tenant.tenantId, [
      { ordersCount: 3, totalSpent: 870 },
      { ordersCount: 2, totalSpent: 120 },
      { ordersCount: 1, totalSpent: 40, lastOrderAt: now - 80 * DAY },
    ]);
    await seedEvents(tenant.tenantId, [{ profileId: abandoner!, name: "checkout_start", occurredAt: now - 2 * DAY }]);
    await db.prepare("UPDATE jobs SET status = 'succeeded', finished_at = ? WHERE tenant_id = ? AND id = ?").bind(now, tenant.tenantId, `job_${tenant.tenantId}`).run();

    const view = await adminJson<SuggestionsView>(tenant.shop, "/segments/suggestions");
    expect(view.status).toBe("ready");
    expect(view.suggestions.map(({ key, query, count }) => ({ key, query, count }))).toEqual([
      { key: "high-value-repeat-buyers", query: "orders_count >= 2 and total_spent >= 870", count: 1 },
      { key: "lapsed-customers", query: "orders_count >= 1 and last_order_date < -60d", count: 1 },
      { key: "recent-cart-abandoners", query: "(checkout_start.count(14d) >= 1 or add_to_cart.count(14d) >= 1) and purchase.count(14d) = 0", count: 1 },
      { key: "low-ai-readability", query: 'ai_readability_score < 50 and status = "active"', count: 0 },
    ]);

    const accept = await adminFetch(tenant.shop, "/segments/suggestions/accept", post({ key: "high-value-repeat-buyers" }));
    expect(accept.status).toBe(201);
    const segment = (await accept.json()) as SegmentView;
    expect(segment).toMatchObject({ slug: "high-value-repeat-buyers", suggestion: "high-value-repeat-buyers", memberCount: 1 });
    const members = await adminJson<{ data: { id: string }[] }>(tenant.shop, `/segments/${segment.slug}/members`);
    expect(members.data.map((member) => member.id)).toEqual([repeat]);
    expect((await adminFetch(tenant.shop, "/segments/suggestions/accept", post({ key: "high-value-repeat-buyers" }))).status).toBe(200);
    const again = await adminJson<SuggestionsView>(tenant.shop, "/segments/suggestions");
    expect(again.suggestions[0]?.acceptedSlug).toBe("high-value-repeat-buyers");
  });

  it("waits for the backfill of a fresh install that has not requested it yet, and of a reinstall, like any other", async () => {
    const shop = await createSimShop({ size: { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 } });
    const tenant = await seedTenant({ shop, status: "installing" });
    await seedProfiles(tenant.tenantId, [{ ordersCount: 3, totalSpent: 870 }]);
    const suggestions = () => adminJson<SuggestionsView>(shop, "/segments/suggestions");
    expect(await suggestions()).toEqual({ status: "waiting_for_backfill", suggestions: [] });

    const db = await tenantDb(tenant.tenantId);
    const job = (id: string, createdAt: number, finishedAt: number | null) =>
      db.prepare("INSERT INTO jobs (id, tenant_id, kind, status, params, created_at, finished_at) VALUES (?, ?, 'backfill', ?, '{}', ?, ?)")
        .bind(id, tenant.tenantId, finishedAt === null ? "running" : "succeeded", createdAt, finishedAt)
        .run();
    const installedAt = Date.now();
    await job(`job_a_${tenant.tenantId}`, installedAt + 1, null);
    expect((await suggestions()).status).toBe("waiting_for_backfill");
    await db.prepare("UPDATE jobs SET status = 'succeeded', finished_at = ? WHERE tenant_id = ? AND id = ?").bind(installedAt + 2, tenant.tenantId, `job_a_${tenant.tenantId}`).run();
    expect((await suggestions()).status).toBe("ready");

    // Installed again: the earlier install's finished backfill does not count for this one.
    await env.DB.prepare("UPDATE tenants SET installed_at = ? WHERE id = ?").bind(installedAt + 10, tenant.tenantId).run();
    expect((await suggestions()).status).toBe("waiting_for_backfill");
    await job(`job_b_${tenant.tenantId}`, installedAt + 11, installedAt + 12);
    expect((await suggestions()).status).toBe("ready");
  });

  it("shows one shop's segments only to that shop's session", async () => {
    const ours = await adminTenant();
    const theirs = await adminTenant();
    const created = await adminFetch(theirs.shop, "/segments", post({ name: "Theirs", kind: "customer", query: "orders_count >= 0" }));
    expect(created.status).toBe(201);
    expect((await adminFetch(ours.shop, "/segments/theirs")).status).toBe(404);
    expect((await adminJson<{ data: SegmentView[] }>(theirs.shop, "/segments")).data.map((s) => s.slug)).toEqual(["theirs"]);
    expect((await adminJson<{ data: SegmentView[] }>(ours.shop, "/segments")).data).toEqual([]);
  });
});
