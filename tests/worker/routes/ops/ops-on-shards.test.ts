import { env, } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { findErasedMessages } from "../../../../worker/services/privacy/index.ts";
import { hashSubjects } from "../../../../worker/services/privacy/subject-hash.ts";
import { deleteOrphanTenants, ORPHAN_GRACE_MS } from "../../../../worker/services/tenants/delete-orphan-tenants.ts";
import { flowPost, lifecycleBody } from "../../../helpers/flow-requests.ts";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { opsRequest } from "../../../helpers/ops-request.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";
import { waitFor } from "../../../helpers/wait-for.ts";


type Row = { id: string; tenantId: string | null; shopDomain: string | null; replayedAt: string | null; replayResult: string | null };


const count = async (db: D1Database, sql: string, ...values: unknown[]) =>
  (await db
    .prepare(sql)
    .bind(...values)
    .first<{ n: number }>())!.n;

describe("operator and privacy paths for tenants on a data shard", () => {
  it("lists, shows and replays a quarantine row of a tenant on SHARD_2, recording the outcome there", async () => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", "{broken")]);
    const stored = await env.SHARD_2.prepare("select id from quarantine where tenant_id = ?").bind(tenant.tenantId).first<{ id: string }>();
    expect(stored).not.toBeNull();

    const mine = await opsRequest<{ data: Row[] }>("GET", `/quarantine?tenantId=${tenant.tenantId}`);
    expect(mine.body.data.map((row) => row.id)).toEqual([stored!.id]);
    expect((await opsRequest<{ data: Row[] }>("GET", "/quarantine?limit=500")).body.data.some((row) => row.id === stored!.id)).toBe(true);
    expect((await opsRequest<{ payload: string }>("GET", `/quarantine/${stored!.id}`)).body.payload).toBe("{broken");

    expect((await opsRequest("POST", `/quarantine/${stored!.id}/replay`)).status).toBe(202);
    const done = await waitFor(async () => {
      const current = (await opsRequest<Row>("GET", `/quarantine/${stored!.id}`)).body;
      return current.replayedAt !== null && current;
    }, { what: "the replay's outcome", timeoutMs: 60_000 });
    expect(done.replayResult).toMatch(/^failed again: body is not JSON/);
    expect(await count(env.SHARD_2, "select count(*) n from quarantine where tenant_id = ? and replay_result is not null", tenant.tenantId)).toBe(1);
    expect(await count(env.DB, "select count(*) n from quarantine where id = ?", stored!.id)).toBe(0);
  });

  it("replays a delivery quarantined before its shop had a tenant into the tenant's shard, moving the row there", async () => {
    const shop = `replay-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
    await consumeIngestBatch([webhookMessage(shop, "orders/paid", orderText)]);
    const row = await env.DB.prepare("select id from quarantine where shop_domain = ?").bind(shop).first<{ id: string }>();
    const tenant = await seedTenant({ shop, shard: "SHARD_2" });

    expect((await opsRequest("POST", `/quarantine/${row!.id}/replay`)).status).toBe(202);
    const done = await waitFor(async () => {
      const current = (await opsRequest<Row>("GET", `/quarantine/${row!.id}`)).body;
      return current.replayedAt !== null && current;
    }, { what: "the replay's outcome", timeoutMs: 60_000 });
    expect(done).toMatchObject({ replayResult: "applied", tenantId: tenant.tenantId });
    expect(await count(env.SHARD_2, "select count(*) n from events where tenant_id = ? and dedup_key = 'purchase:9007199254740993'", tenant.tenantId)).toBe(1);
    expect(await count(env.DB, "select count(*) n from quarantine where id = ?", row!.id)).toBe(0);
    for (const db of [env.DB, env.SHARD_1]) expect(await count(db, "select count(*) n from events where tenant_id = ?", tenant.tenantId)).toBe(0);
  });

  it("counts events stored on SHARD_2 in the ingest stats", async () => {
    const since = Date.now();
    const tenant = await seedTenant({ shard: "SHARD_2" });
    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/create", orderText)]);
    const last = await env.SHARD_2.prepare("select max(id) id from events where tenant_id = ?").bind(tenant.tenantId).first<{ id: string }>();
    const { body } = await opsRequest<{ events: { total: number; lastWrittenId: string }; deliveries: number }>("GET", `/ingest-stats?since=${since}`);
    expect(body.events.lastWrittenId >= last!.id).toBe(true);
    expect(body.events.total).toBeGreaterThanOrEqual(await count(env.SHARD_2, "select count(*) n from events where tenant_id = ?", tenant.tenantId));
    expect(body.deliveries).toBeGreaterThanOrEqual(1);
  });

  it("deletes an orphan tenant and its directory entry, and keeps one with a profile on its shard", async () => {
    const created = Date.now();
    const insertInstalling = async () => {
      const id = `ten_orphan_${crypto.randomUUID().slice(0, 8)}`;
      await env.DB.batch([
        env.DB.prepare("insert into tenants (id, slug, shop_domain, status, granted_scopes, created_at, updated_at) values (?, ?, ?, 'installing', '', ?, ?)").bind(id, id, `${id}.myshopify.com`, created, created),
        env.DB.prepare("insert into tenant_shards (tenant_id, shard, updated_at) values (?, 'SHARD_2', ?)").bind(id, created),
      ]);
      return id;
    };
    const orphan = await insertInstalling();
    const withProfile = await insertInstalling();
    await seedProfiles(withProfile, [{}]);

    await deleteOrphanTenants({ ctx: serviceDeps(), input: { now: created + ORPHAN_GRACE_MS + 60_000 } });

    expect(await count(env.DB, "select count(*) n from tenants where id = ?", orphan)).toBe(0);
    expect(await count(env.DB, "select count(*) n from tenant_shards where tenant_id = ?", orphan)).toBe(0);
    expect(await count(env.DB, "select count(*) n from tenants where id = ?", withProfile)).toBe(1);
  });

  it("stores a Flow trigger's lifecycle on the tenant's shard", async () => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    const res = await flowPost("/triggers/lifecycle", lifecycleBody(tenant.shop, "segops-segment-entered", true));
    expect(res.status).toBe(200);
    expect(await env.SHARD_2.prepare("select enabled from flow_triggers where tenant_id = ?").bind(tenant.tenantId).first()).toEqual({ enabled: 1 });
    for (const db of [env.DB, env.SHARD_1]) expect(await count(db, "select count(*) n from flow_triggers where tenant_id = ?", tenant.tenantId)).toBe(0);
  });

  it("drops a queued message naming a customer redacted on SHARD_2, and keeps one naming another", async () => {
    const tenant = await seedTenant({ shard: "SHARD_2" });
    const email = `gone.${crypto.randomUUID().slice(0, 8)}@privacy.example`;
    const [hash] = await hashSubjects(serviceDeps().config.TOKEN_ENCRYPTION_KEY, tenant.tenantId, [{ kind: "email", value: email }]);
    await env.SHARD_2.prepare("insert into redacted_subjects (tenant_id, subject_hash, redacted_at) values (?, ?, ?)").bind(tenant.tenantId, hash, Date.now()).run();
    const about = (who: string) => webhookMessage(tenant.shop, "customers/update", JSON.stringify({ id: 4_242_424_242, email: who }));

    const erased = await findErasedMessages({ ctx: serviceDeps(), input: { bodies: [about(email), about(`kept.${crypto.randomUUID().slice(0, 8)}@privacy.example`)] } });

    expect([...erased]).toEqual([0]);
  });
});
