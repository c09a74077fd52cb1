import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../../worker/index.ts";
import { CRONS } from "../../../../worker/crons.ts";
import type { Deps } from "../../../../worker/context/deps.ts";
import { enforceRetention } from "../../../../worker/services/privacy/retention/enforce-retention.ts";
import { adminJson } from "../../../helpers/harness.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { insertEvents } from "../../../helpers/insert-events.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";
import { tenantDb, allDataDbs } from "../../../helpers/tenant-db.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function heldQueue() {
  const sent: unknown[] = [];
  return { sent, queue: { send: async (body: unknown) => void sent.push(body), sendBatch: async (batch: { body: unknown }[]) => void sent.push(...batch.map((m) => m.body)) } };
}

const withQueue = (queue: unknown): Deps => {
  const deps = serviceDeps();
  return { ...deps, env: { ...deps.env, PRIVACY_QUEUE: queue } as Env };
};

/** A count summed over `dbs`: a tenant's shard for its rows, `env.DB` for control tables, every database for rows of no tenant. */
const count = async (dbs: D1Database[], sql: string, ...values: unknown[]) =>
  (await Promise.all(dbs.map(async (db) => (await db.prepare(sql).bind(...values).first<{ n: number }>())!.n))).reduce((sum, n) => sum + n, 0);

/** Raw rows of a tenant (or of none) received `daysAgo` days before now. */
async function rawRows(tenantId: string | null, daysAgo: number, now: number) {
  const at = now - daysAgo * DAY_MS;
  const id = crypto.randomUUID();
  // Rows of no tenant have no directory entry: they are in the control database.
  const db = tenantId === null ? env.DB : await tenantDb(tenantId);
  await db.batch([
    db.prepare("insert into deliveries (key, tenant_id, topic, received_at) values (?, ?, 'orders/paid', ?)").bind(`webhook:${id}`, tenantId, at),
    db.prepare("insert into quarantine (id, tenant_id, source, reason, payload, received_at) values (?, ?, 'webhook', 'test', '{}', ?)").bind(`qrn_${id}`, tenantId, at),
  ]);
  await env.DB.prepare("insert into dead_letters (id, queue, message_id, tenant_id, body, attempts, received_at) values (?, 'segops-ingest', ?, ?, '{}', 5, ?)").bind(`dlq_${id}`, id, tenantId, at).run();
}

const rawCounts = async (tenantId: string) => ({
  deliveries: await count([await tenantDb(tenantId)], "select count(*) n from deliveries where tenant_id = ?", tenantId),
  quarantine: await count([await tenantDb(tenantId)], "select count(*) n from quarantine where tenant_id = ?", tenantId),
  dead_letters: await count([env.DB], "select count(*) n from dead_letters where tenant_id = ?", tenantId),
});

describe("retention", () => {
  it("deletes events past each tenant's own retention and raw bodies past 30 days, nothing younger", async () => {
    const now = Date.now();
    const [short, standard] = await Promise.all([adminTenant(), adminTenant()]);
    // Hot windows longer than any event here: this is about D1 retention alone (the archive: event-archive.test.ts).
    const settings = (body: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    await adminJson(short.shop, "/privacy/settings", settings({ eventRetentionDays: 30, hotWindowDays: 3650 }));
    await adminJson(standard.shop, "/privacy/settings", settings({ hotWindowDays: 3650 }));
    for (const tenant of [short, standard]) {
      await insertEvents(tenant.tenantId, [10, 100, 500].map((days) => ({ name: "page_view", source: "pixel" as const, occurredAt: now - days * DAY_MS })));
      await rawRows(tenant.tenantId, 40, now);
      await rawRows(tenant.tenantId, 5, now);
    }
    const ctx = withQueue(heldQueue().queue);
    for (const tenant of [short, standard]) expect((await enforceRetention({ ctx, input: { type: "retention", tenantId: tenant.tenantId, now } })).done).toBe(true);

    const ages = async (tenantId: string) =>
      (await (await tenantDb(tenantId)).prepare("select occurred_at from events where tenant_id = ? order by occurred_at desc").bind(tenantId).all<{ occurred_at: number }>()).results.map((row) =>
        Math.round((now - row.occurred_at) / DAY_MS),
      );
    expect(await ages(short.tenantId)).toEqual([10]);
    expect(await ages(standard.tenantId)).toEqual([10, 100]);
    for (const tenant of [short, standard]) expect(await rawCounts(tenant.tenantId)).toEqual({ deliveries: 1, quarantine: 1, dead_letters: 1 });
  });

  it("deletes raw rows of no tenant and orphaned spilled payloads, keeping a payload a dead letter still needs", async () => {
    const now = Date.now();
    await rawRows(null, 45, now);
    // Spilled bodies of no tenant, like the rows above, are in the control database.
    const payload = (id: string, daysAgo: number) =>
      env.DB.prepare("insert into ingest_payloads (id, tenant_id, shop_domain, body, created_at) values (?, null, 'x.myshopify.com', '{}', ?)").bind(id, now - daysAgo * DAY_MS);
    const [orphan, needed, fresh, old] = ["orphan", "needed", "fresh", "old"].map((name) => `pay_${name}_${crypto.randomUUID()}`);
    await env.DB.batch([payload(orphan!, 10), payload(needed!, 10), payload(fresh!, 1), payload(old!, 40)]);
    await env.DB.prepare("insert into dead_letters (id, queue, message_id, body, attempts, received_at) values (?, 'segops-ingest', 'm', ?, 5, ?)")
      .bind(`dlq_${crypto.randomUUID()}`, JSON.stringify({ reason: "retries exhausted", body: { type: "webhook", payloadId: needed } }), now - 2 * DAY_MS)
      .run();
    await enforceRetention({ ctx: withQueue(heldQueue().queue), input: { type: "retention", tenantId: null, now } });
    const left = await env.DB.prepare("select id from ingest_payloads where id in (?, ?, ?, ?)").bind(orphan, needed, fresh, old).all<{ id: string }>();
    expect(left.results.map((row) => row.id).toSorted()).toEqual([needed, fresh].toSorted());
    expect(await count(allDataDbs(), "select count(*) n from quarantine where tenant_id is null and received_at < ?", now - 30 * DAY_MS)).toBe(0);
  });

  it("works in bounded slices: a tenant with more than a slice sends its continuation to the back of the queue", async () => {
    const now = Date.now();
    const tenant = await adminTenant();
    await insertEvents(tenant.tenantId, Array.from({ length: 2_500 }, (_, i) => ({ name: "page_view", source: "pixel" as const, occurredAt: now - (500 + i / 1000) * DAY_MS })));
    await adminJson(tenant.shop, "/privacy/settings", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ hotWindowDays: 3650 }) });
    const queued = heldQueue();
    // 5 queries: the slice's own, the archive's three finding nothing past the hot window, one 2,000-row delete.
    const slice = await enforceRetention({ ctx: withQueue(queued.queue), input: { type: "retention", tenantId: tenant.tenantId, now, budget: { queriesLeft: 5, deadline: Date.now() + 60_000 } } });
    expect(slice).toEqual({ deleted: { archived: 0, events: 2_000 }, done: false });
    expect(queued.sent).toEqual([{ type: "retention", tenantId: tenant.tenantId, now }]);
    await enforceRetention({ ctx: withQueue(queued.queue), input: { type: "retention", tenantId: tenant.tenantId, now } });
    expect(await count([await tenantDb(tenant.tenantId)], "select count(*) n from events where tenant_id = ?", tenant.tenantId)).toBe(0);
  });

  it("runs nightly from its cron: one message per tenant, installed or not, and one for rows of no tenant", async () => {
    const tenant = await adminTenant();
    await env.DB.prepare("update tenants set status = 'uninstalled' where id = ?").bind(tenant.tenantId).run();
    const queued = heldQueue();
    const controller = createScheduledController({ cron: CRONS.retention, scheduledTime: Date.now() });
    await worker.scheduled(controller, { ...env, PRIVACY_QUEUE: queued.queue } as unknown as Env, createExecutionContext());
    const tenants = await count([env.DB], "select count(*) n from tenants");
    expect(queued.sent).toHaveLength(tenants + 1);
    expect(queued.sent).toContainEqual({ type: "retention", tenantId: tenant.tenantId, now: controller.scheduledTime });
    expect(queued.sent).toContainEqual({ type: "retention", tenantId: null, now: controller.scheduledTime });
  });
});
