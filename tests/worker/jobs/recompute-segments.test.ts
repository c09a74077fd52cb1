import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CRONS } from "../../../worker/crons.ts";
import worker from "../../../worker/index.ts";
import { apiFetch } from "../../helpers/api-fetch.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { seedProfiles } from "../../helpers/seed-profiles.ts";
import { tenantDb } from "../../helpers/tenant-db.ts";

const lastComputed = async (tenantId: string, slug: string) =>
  (await tenantDb(tenantId)).prepare("SELECT last_computed_at AS at, member_count AS size FROM segments WHERE tenant_id = ? AND slug = ?").bind(tenantId, slug).first<{ at: number; size: number }>();

describe("segment recompute cron", () => {
  it("recomputes stale segments of active tenants, leaving fresh ones, deleted ones and uninstalled tenants alone", async () => {
    const active = await seedTenant();
    const gone = await seedTenant({ status: "uninstalled" });
    const [buyer] = await seedProfiles(active.tenantId, [{ ordersCount: 0 }]);
    for (const [tenant, name] of [[active, "stale"], [active, "fresh"], [active, "deleted"], [gone, "stale"]] as const) {
      const res = await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name, kind: "customer", query: "orders_count >= 1" } });
      expect(res.status).toBe(201);
    }
    const hourAgo = Date.now() - 3_600_000;
    for (const tenant of [active, gone]) {
      await (await tenantDb(tenant.tenantId)).prepare("UPDATE segments SET last_computed_at = ? WHERE tenant_id = ? AND slug IN ('stale', 'deleted')").bind(hourAgo, tenant.tenantId).run();
    }
    const activeDb = await tenantDb(active.tenantId);
    await activeDb.prepare("UPDATE segments SET deleted_at = ? WHERE tenant_id = ? AND slug = 'deleted'").bind(Date.now(), active.tenantId).run();
    const fresh = await lastComputed(active.tenantId, "fresh");
    await activeDb.prepare("UPDATE profiles SET orders_count = 1 WHERE tenant_id = ? AND id = ?").bind(active.tenantId, buyer).run();

    await worker.scheduled(createScheduledController({ cron: CRONS.segmentRecompute, scheduledTime: Date.now() }), env, createExecutionContext());

    expect(await lastComputed(active.tenantId, "stale")).toMatchObject({ size: 1 });
    expect((await lastComputed(active.tenantId, "stale"))!.at).toBeGreaterThan(hourAgo);
    expect(await lastComputed(active.tenantId, "fresh")).toEqual(fresh);
    expect(await lastComputed(active.tenantId, "deleted")).toEqual({ at: hourAgo, size: 0 });
    expect(await lastComputed(gone.tenantId, "stale")).toEqual({ at: hourAgo, size: 0 });
  });
});
