import { env, } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { moveDriver, runSteps, startMove } from "../../../helpers/move-driver.ts";
import { opsRequest } from "../../../helpers/ops-request.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

async function ops<T>(path: string): Promise<T> {
  const { status, body } = await opsRequest<T>("GET", path);
  expect(status).toBe(200);
  return body;
}

type Stats = { events: { total: number }; quarantine: number; shards: Record<string, { events: number }> };

const count = async (db: D1Database, table: string, tenantId: string) =>
  (await db.prepare(`select count(*) n from ${table} where tenant_id = ?`).bind(tenantId).first<{ n: number }>())!.n;

describe("operator reads while a tenant is moved between shards", () => {
  it("lists, shows and counts the tenant's rows once, from the shard its directory entry names, before and after the switch", async () => {
    const tenant = await seedTenant({ shard: "SHARD_1" });
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", "{broken")]);
    // Rows stamped far ahead, so the stats since then count this tenant's rows and no other test's.
    const future = Date.now() + 10 * 365 * 86_400_000;
    await env.SHARD_1.batch([
      env.SHARD_1.prepare("update quarantine set received_at = ? where tenant_id = ?").bind(future, tenant.tenantId),
      ...[0, 1, 2].map((i) =>
        env.SHARD_1.prepare("insert into events (id, tenant_id, name, source, occurred_at, received_at, dedup_key, properties) values (?, ?, 'page_viewed', 'pixel', ?, ?, ?, '{}')").bind(
          `evt_${tenant.tenantId}_future_${i}`,
          tenant.tenantId,
          future,
          future,
          `future-${i}`,
        ),
      ),
    ]);
    const row = await env.SHARD_1.prepare("select id from quarantine where tenant_id = ?").bind(tenant.tenantId).first<{ id: string }>();
    const listedOnce = async () => {
      const listed = await ops<{ data: { id: string }[] }>("/quarantine?limit=20");
      expect(listed.data.filter((listedRow) => listedRow.id === row!.id)).toHaveLength(1);
      expect((await ops<{ data: { id: string }[] }>(`/quarantine?tenantId=${tenant.tenantId}`)).data.map((mine) => mine.id)).toEqual([row!.id]);
      expect((await ops<{ id: string }>(`/quarantine/${row!.id}`)).id).toBe(row!.id);
    };
    const statsOn = async (shard: "SHARD_1" | "SHARD_2") => {
      const stats = await ops<Stats>(`/ingest-stats?since=${future}`);
      expect(stats.events.total).toBe(3);
      expect(stats.quarantine).toBe(1);
      expect(stats.shards[shard]!.events).toBe(3);
      expect(stats.shards[shard === "SHARD_1" ? "SHARD_2" : "SHARD_1"]!.events).toBe(0);
    };

    const d = moveDriver();
    const move = await startMove(d, tenant.tenantId, "SHARD_2");
    await runSteps(d, move.id, { stop: (current) => current.phase === "freeze" });
    // The copy is on the target, the tenant still on its source.
    expect([await count(env.SHARD_1, "quarantine", tenant.tenantId), await count(env.SHARD_2, "quarantine", tenant.tenantId)]).toEqual([1, 1]);
    expect(await count(env.SHARD_2, "events", tenant.tenantId)).toBeGreaterThanOrEqual(3);
    await listedOnce();
    await statsOn("SHARD_1");

    const switched = await runSteps(d, move.id, { stop: (current) => current.phase === "cleanup" });
    expect(switched.switchedAt).not.toBeNull();
    // Switched, the source not yet cleaned: its rows are now the copy.
    expect(await count(env.SHARD_1, "quarantine", tenant.tenantId)).toBe(1);
    await listedOnce();
    await statsOn("SHARD_2");

    expect((await runSteps(d, move.id)).phase).toBe("done");
    expect(await count(env.SHARD_1, "quarantine", tenant.tenantId)).toBe(0);
    await listedOnce();
    await statsOn("SHARD_2");
  });
});
