import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CRONS } from "../../../worker/crons.ts";
import worker from "../../../worker/index.ts";
import { apiFetch } from "../../helpers/api-fetch.ts";
import { seedProfiles } from "../../helpers/seed-profiles.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { tenantDb } from "../../helpers/tenant-db.ts";

const BIG_SEGMENTS = 60;
const SMALL_TENANTS = 4;
const SMALL_SEGMENTS = 2;

async function createSegments(serverKey: string, tenantId: string, count: number): Promise<void> {
  const res = await apiFetch(serverKey, "/segments", { method: "POST", body: { name: "buyers 0", kind: "customer", query: "orders_count >= 1" } });
  expect(res.status).toBe(201);
  // Copies of the first row: the same compiled query, each its own segment.
  const db = await tenantDb(tenantId);
  const copy = db.prepare(
    `INSERT INTO segments (id, tenant_id, slug, name, kind, query, query_json, push_mode, member_count, created_at, updated_at)
     SELECT ?, tenant_id, ?, ?, kind, query, query_json, push_mode, 0, created_at, updated_at FROM segments WHERE tenant_id = ? AND slug = 'buyers-0'`,
  );
  const copies = Array.from({ length: count - 1 }, (_, i) => copy.bind(`seg_fair_${tenantId}_${i + 1}`, `buyers-${i + 1}`, `buyers ${i + 1}`, tenantId));
  if (copies.length > 0) await db.batch(copies);
}

const recomputedSince = async (tenantId: string, since: number) =>
  (await (await tenantDb(tenantId)).prepare("SELECT count(*) AS n FROM segments WHERE tenant_id = ? AND last_computed_at > ?").bind(tenantId, since).first<{ n: number }>())!.n;

const tick = (at: number) => worker.scheduled(createScheduledController({ cron: CRONS.segmentRecompute, scheduledTime: at }), env, createExecutionContext());

describe("segment recompute cron (fairness)", () => {
  it("recomputes every small tenant in the first run while a tenant with a big backlog waits its turn", async () => {
    const big = await seedTenant();
    await seedProfiles(big.tenantId, Array.from({ length: 600 }, (_, i) => ({ ordersCount: i % 3 })));
    await createSegments(big.serverKey, big.tenantId, BIG_SEGMENTS);
    const small = await Promise.all(Array.from({ length: SMALL_TENANTS }, () => seedTenant()));
    for (const tenant of small) {
      await seedProfiles(tenant.tenantId, [{ ordersCount: 1 }, { ordersCount: 0 }]);
      await createSegments(tenant.serverKey, tenant.tenantId, SMALL_SEGMENTS);
    }
    // The big tenant's segments are the stalest: a cron that takes the stalest first would spend the run on them.
    const start = Date.now();
    await (await tenantDb(big.tenantId)).prepare("UPDATE segments SET last_computed_at = ? WHERE tenant_id = ?").bind(start - 7_200_000, big.tenantId).run();
    for (const tenant of small) await (await tenantDb(tenant.tenantId)).prepare("UPDATE segments SET last_computed_at = ? WHERE tenant_id = ?").bind(start - 3_600_000, tenant.tenantId).run();

    await tick(start);
    for (const tenant of small) expect(await recomputedSince(tenant.tenantId, start - 3_600_000)).toBe(SMALL_SEGMENTS);
    const firstRun = await recomputedSince(big.tenantId, start - 7_200_000);
    expect(firstRun).toBeGreaterThan(0);
    expect(firstRun).toBeLessThanOrEqual(5);

    // Each later run (15 minutes apart) gives the big tenant its share until it is done; the small ones stay fresh.
    let runs = 1;
    while ((await recomputedSince(big.tenantId, start - 7_200_000)) < BIG_SEGMENTS && runs < 20) await tick(start + runs++ * 60_000);
    expect(await recomputedSince(big.tenantId, start - 7_200_000)).toBe(BIG_SEGMENTS);
    expect(runs).toBeLessThanOrEqual(Math.ceil(BIG_SEGMENTS / 5));
    const buyers = await (await tenantDb(big.tenantId)).prepare("SELECT DISTINCT member_count AS n FROM segments WHERE tenant_id = ?").bind(big.tenantId).all<{ n: number }>();
    expect(buyers.results).toEqual([{ n: 400 }]);
  }, 120_000);
});
