// isolate: the crons under test scan every tenant on every shard.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BackfillMessage } from "../../../queues/backfill-messages.ts";
import type { Deps } from "../../../worker/context/deps.ts";
import { recomputeSegments } from "../../../worker/jobs/recompute-segments.ts";
import { reconcileRecentChanges } from "../../../worker/jobs/reconcile-recent-changes.ts";
import { apiFetch } from "../../helpers/api-fetch.ts";
import { seedProfiles } from "../../helpers/seed-profiles.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { serviceDeps } from "../../helpers/service-context.ts";

const OTHER_DBS = () => [env.DB, env.SHARD_1];


const count = async (db: D1Database, sql: string, ...values: unknown[]) =>
  (await db
    .prepare(sql)
    .bind(...values)
    .first<{ n: number }>())!.n;

/** Deps whose backfill queue keeps what the cron sends, so no backfill runs against tenants the simulator lacks. */
function capturingDeps(): { deps: Deps; sent: BackfillMessage[] } {
  const sent: BackfillMessage[] = [];
  const queue = { sendBatch: async (batch: { body: BackfillMessage }[]) => void sent.push(...batch.map((entry) => entry.body)) };
  const deps = serviceDeps();
  return { deps: { ...deps, env: { ...deps.env, BACKFILL_QUEUE: queue as unknown as Queue } }, sent };
}

describe("crons over tenants on a data shard", () => {
  it("recomputes a due segment of a tenant on SHARD_2, on SHARD_2", async () => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    const [buyer] = await seedProfiles(tenant.tenantId, [{ ordersCount: 2 }]);
    const res = await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "buyers", kind: "customer", query: "orders_count >= 1" } });
    expect(res.status).toBe(201);
    const hourAgo = Date.now() - 3_600_000;
    await env.SHARD_2.prepare("update segments set last_computed_at = ?, member_count = 0 where tenant_id = ?").bind(hourAgo, tenant.tenantId).run();
    await env.SHARD_2.prepare("delete from segment_memberships where tenant_id = ?").bind(tenant.tenantId).run();

    const counts = await recomputeSegments(serviceDeps(), new Date());

    expect(counts.recomputed).toBeGreaterThanOrEqual(1);
    const segment = await env.SHARD_2.prepare("select last_computed_at at, member_count size from segments where tenant_id = ?").bind(tenant.tenantId).first<{ at: number; size: number }>();
    expect(segment!.size).toBe(1);
    expect(segment!.at).toBeGreaterThan(hourAgo);
    expect(await count(env.SHARD_2, "select count(*) n from segment_memberships where tenant_id = ? and member_id = ? and left_at is null", tenant.tenantId, buyer)).toBe(1);
    for (const db of OTHER_DBS()) expect(await count(db, "select count(*) n from segments where tenant_id = ?", tenant.tenantId)).toBe(0);
  });

  it("skips a due segment of a tenant frozen by a move", async () => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    const res = await apiFetch(tenant.serverKey, "/segments", { method: "POST", body: { name: "frozen", kind: "customer", query: "orders_count >= 1" } });
    expect(res.status).toBe(201);
    const hourAgo = Date.now() - 3_600_000;
    await env.SHARD_2.prepare("update segments set last_computed_at = ? where tenant_id = ?").bind(hourAgo, tenant.tenantId).run();
    await env.DB.prepare("update tenant_shards set state = 'frozen' where tenant_id = ?").bind(tenant.tenantId).run();
    try {
      await recomputeSegments(serviceDeps(), new Date());
      expect(await env.SHARD_2.prepare("select last_computed_at at from segments where tenant_id = ?").bind(tenant.tenantId).first()).toEqual({ at: hourAgo });
    } finally {
      await env.DB.prepare("update tenant_shards set state = 'active' where tenant_id = ?").bind(tenant.tenantId).run();
    }
  });

  it("writes a tenant's reconciliation job on its shard and restarts its lost backfills there, not a leftover copy elsewhere", async () => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    const old = Date.now() - 10 * 60_000;
    const insertBackfill = (db: D1Database, id: string, status: string) =>
      db.prepare("insert into jobs (id, tenant_id, kind, status, params, created_at) values (?, ?, 'backfill', ?, '{\"reason\":\"manual\"}', ?)").bind(id, tenant.tenantId, status, old).run();
    const queued = `job_q_${crypto.randomUUID().slice(0, 8)}`;
    const running = `job_r_${crypto.randomUUID().slice(0, 8)}`;
    const leftover = `job_l_${crypto.randomUUID().slice(0, 8)}`;
    await insertBackfill(env.SHARD_2, queued, "queued");
    await insertBackfill(env.SHARD_2, running, "running");
    // A copy on the shard the tenant is not placed on (as a move leaves it until it deletes the old rows).
    await insertBackfill(env.SHARD_1, leftover, "queued");
    const { deps, sent } = capturingDeps();

    await reconcileRecentChanges(deps, new Date());

    expect(await count(env.SHARD_2, "select count(*) n from jobs where tenant_id = ? and kind = 'reconcile'", tenant.tenantId)).toBe(1);
    for (const db of OTHER_DBS()) expect(await count(db, "select count(*) n from jobs where tenant_id = ? and kind = 'reconcile'", tenant.tenantId)).toBe(0);
    const mine = sent.filter((message) => message.tenantId === tenant.tenantId);
    const reconcile = await env.SHARD_2.prepare("select id from jobs where tenant_id = ? and kind = 'reconcile'").bind(tenant.tenantId).first<{ id: string }>();
    expect(mine.filter((message) => message.type === "reconcile").map((message) => message.jobId)).toEqual([reconcile!.id]);
    expect(mine.filter((message) => message.type === "start").map((message) => message.jobId)).toEqual([queued]);
    expect(new Set(mine.filter((message) => message.type === "poll").map((message) => message.jobId))).toEqual(new Set([running]));
    expect(mine.some((message) => message.jobId === leftover)).toBe(false);
  });
});
