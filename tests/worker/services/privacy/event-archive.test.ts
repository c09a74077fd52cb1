import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { TenantContext } from "../../../../worker/context/deps.ts";
import { archiveEvents } from "../../../../worker/services/privacy/archive/archive-events.ts";
import { gunzipLines } from "../../../../worker/services/privacy/archive/gzip-lines.ts";
import { eraseShop } from "../../../../worker/services/privacy/redact/erase-shop.ts";
import { enforceRetention } from "../../../../worker/services/privacy/retention/enforce-retention.ts";
import { newWorkBudget } from "../../../../worker/services/privacy/work-budget.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { faultyD1 } from "../../../helpers/faulty-d1.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";
import { adminFetch, adminJson, sim as simulator } from "../../../helpers/harness.ts";
import { insertEvents } from "../../../helpers/insert-events.ts";
import { ingestCustomer, sendCompliance, testPerson, waitForCompleted } from "../../../helpers/privacy.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";
import { serviceDeps, tenantContextOf } from "../../../helpers/service-context.ts";

const DAY_MS = 86_400_000;
const json = (method: string, body: unknown) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const archive = (ctx: TenantContext, now: number) => archiveEvents({ ctx, input: { now, budget: newWorkBudget() } });
const eventsInD1 = async (tenantId: string) =>
  (await (await tenantDb(tenantId)).prepare("select count(*) n from events where tenant_id = ?").bind(tenantId).first<{ n: number }>())!.n;

/** Every archived file of the tenant with its lines, by key. */
async function archivedFiles(tenantId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const listed = await env.EVENT_ARCHIVE.list({ prefix: `events/tenant=${tenantId}/` });
  const files: Record<string, Record<string, unknown>[]> = {};
  for (const object of listed.objects) {
    const body = await env.EVENT_ARCHIVE.get(object.key);
    files[object.key] = (await gunzipLines(await body!.arrayBuffer())).map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  return files;
}
const archivedLines = async (tenantId: string) => Object.values(await archivedFiles(tenantId)).flat();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("event archive", () => {
  it("moves exactly the events older than the hot window to gzip NDJSON in tenant/date partitions, and nothing twice", async () => {
    const now = Date.now();
    const { tenantId } = await adminTenant();
    const [profile] = await seedProfiles(tenantId, [{}]);
    const old = [95, 95, 200].map((days) => now - days * DAY_MS);
    const oldIds = await insertEvents(tenantId, old.map((occurredAt) => ({ name: "product_view", source: "pixel" as const, occurredAt, profileId: profile!, properties: { url: "/p/1" } })));
    await insertEvents(tenantId, [{ name: "product_view", source: "pixel", occurredAt: now - 10 * DAY_MS, profileId: profile! }]);

    expect(await archive(await tenantContextOf(tenantId), now)).toMatchObject({ archived: 3, files: 2, done: true });
    expect(await eventsInD1(tenantId)).toBe(1);
    const files = await archivedFiles(tenantId);
    expect(Object.keys(files).toSorted()).toEqual(
      [day(old[2]!), day(old[0]!)].map((date) => `events/tenant=${tenantId}/date=${date}/part-1.ndjson.gz`).toSorted(),
    );
    const lines = Object.values(files).flat();
    expect(lines.map((line) => line.id).toSorted()).toEqual(oldIds.toSorted());
    expect(lines.find((line) => line.id === oldIds[2])).toEqual({
      id: oldIds[2], tenant_id: tenantId, name: "product_view", source: "pixel", occurred_at: new Date(old[2]!).toISOString(),
      received_at: new Date(old[2]!).toISOString(), profile_id: profile, anonymous_id: null, dedup_key: oldIds[2], source_updated_at: null,
      properties: { url: "/p/1" },
    });
    const object = await env.EVENT_ARCHIVE.head(Object.keys(files)[0]!);
    expect(object?.httpMetadata).toMatchObject({ contentType: "application/x-ndjson", contentEncoding: "gzip" });
    const counts = await (await tenantDb(tenantId)).prepare("select archived_event_counts c, archived_files f from profiles where id = ?").bind(profile).first<{ c: string; f: string }>();
    expect(JSON.parse(counts!.c)).toEqual({ product_view: 3 });
    expect((JSON.parse(counts!.f) as string[]).toSorted()).toEqual([`${day(old[2]!)}/1`, `${day(old[0]!)}/1`].toSorted());

    expect(await archive(await tenantContextOf(tenantId), now)).toMatchObject({ archived: 0, files: 0, done: true });
    expect(await archivedLines(tenantId)).toHaveLength(3);
    expect(await eventsInD1(tenantId)).toBe(1);
  });

  it("resumes after a run died between the upload and the delete: the same file again, nothing doubled or lost", async () => {
    const now = Date.now();
    const { tenantId } = await adminTenant();
    const [profile] = await seedProfiles(tenantId, [{}]);
    const ids = await insertEvents(tenantId, Array.from({ length: 7 }, (_, i) => ({ name: "add_to_cart", source: "pixel" as const, occurredAt: now - 120 * DAY_MS + i, profileId: profile! })));
    // The process dies at the delete batch, after the file was uploaded.
    const ctx = await tenantContextOf(tenantId);
    const dying = faultyD1(({ kind }) => (kind === "batch" ? new Error("killed after the upload") : null));
    await expect(archive({ ...ctx, d1: dying.bindings[ctx.shard as keyof typeof dying.bindings] }, now)).rejects.toThrow("killed after the upload");
    expect(await archivedLines(tenantId)).toHaveLength(7);
    expect(await eventsInD1(tenantId)).toBe(7);
    const pending = await (await tenantDb(tenantId)).prepare("select date, part, status from event_archive_parts where tenant_id = ?").bind(tenantId).all();
    expect(pending.results).toEqual([{ date: day(now - 120 * DAY_MS), part: 1, status: "pending" }]);

    // While the dead run's claim lasts, a duplicate delivery leaves the file alone.
    expect(await archive(await tenantContextOf(tenantId), now)).toMatchObject({ archived: 0, busy: true });
    // Its claim expires (5 minutes, moved here to the past); the next run rewrites part-1, deletes the 7 and counts them once.
    await (await tenantDb(tenantId)).prepare("update event_archive_parts set claimed_until = ? where tenant_id = ?").bind(Date.now() - 1, tenantId).run();
    expect(await archive(await tenantContextOf(tenantId), now)).toMatchObject({ archived: 7, files: 1, done: true });
    const files = await archivedFiles(tenantId);
    expect(Object.keys(files)).toEqual([`events/tenant=${tenantId}/date=${day(now - 120 * DAY_MS)}/part-1.ndjson.gz`]);
    expect(Object.values(files).flat().map((line) => line.id).toSorted()).toEqual(ids.toSorted());
    expect(await eventsInD1(tenantId)).toBe(0);
    const counts = await (await tenantDb(tenantId)).prepare("select archived_event_counts c from profiles where id = ?").bind(profile).first<{ c: string }>();
    expect(JSON.parse(counts!.c)).toEqual({ add_to_cart: 7 });
    const done = await (await tenantDb(tenantId)).prepare("select part, status, events from event_archive_parts where tenant_id = ?").bind(tenantId).all();
    expect(done.results).toEqual([{ part: 1, status: "done", events: 7 }]);

    // An old event arriving later for an archived day goes to the next part of that day.
    await insertEvents(tenantId, [{ name: "add_to_cart", source: "backfill", occurredAt: now - 120 * DAY_MS + 50, profileId: profile! }]);
    expect(await archive(await tenantContextOf(tenantId), now)).toMatchObject({ archived: 1, files: 1 });
    expect(Object.keys(await archivedFiles(tenantId))).toHaveLength(2);
    expect(JSON.parse((await (await tenantDb(tenantId)).prepare("select archived_event_counts c from profiles where id = ?").bind(profile).first<{ c: string }>())!.c)).toEqual({ add_to_cart: 8 });
  });

  it("keeps a customer in an all-time segment (product_view ≥ 5 ever) after their events were archived", async () => {
    const now = Date.now();
    const tenant = await adminTenant();
    const [viewer, recent] = await seedProfiles(tenant.tenantId, [{ ordersCount: 3, totalSpent: 120.5 }, {}]);
    const views = (profileId: string, daysAgo: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ name: "product_view", source: "pixel" as const, occurredAt: now - daysAgo * DAY_MS + i, profileId }));
    await insertEvents(tenant.tenantId, [...views(viewer!, 200, 6), ...views(recent!, 150, 3), ...views(recent!, 5, 1)]);
    const created = await adminJson<{ slug: string; memberCount: number }>(
      tenant.shop,
      "/segments",
      json("POST", { name: "Keen viewers", kind: "customer", query: "product_view.count(all) >= 5" }),
    );
    expect(created.memberCount).toBe(1);
    const fewer = await adminJson<{ memberCount: number }>(tenant.shop, "/segments", json("POST", { name: "Few", kind: "customer", query: "product_view.count(all) < 5" }));
    expect(fewer.memberCount).toBe(1);

    expect(await archive(await tenantContextOf(tenant.tenantId), now)).toMatchObject({ archived: 9, done: true });
    expect(await eventsInD1(tenant.tenantId)).toBe(1);
    const recomputed = await adminJson<{ size: number }>(tenant.shop, `/segments/${created.slug}/recompute`, { method: "POST" });
    expect(recomputed.size).toBe(1);
    const members = await adminJson<{ data: { id: string }[] }>(tenant.shop, `/segments/${created.slug}/members`);
    expect(members.data.map((member) => member.id)).toEqual([viewer]);
    // Lifetime totals come from orders, never from events: archiving leaves them as they were.
    const totals = await (await tenantDb(tenant.tenantId)).prepare("select orders_count, total_spent, archived_event_counts from profiles where id = ?").bind(viewer).first();
    expect(totals).toEqual({ orders_count: 3, total_spent: 120.5, archived_event_counts: JSON.stringify({ product_view: 6 }) });
    const preview = await adminJson<{ count: number }>(tenant.shop, "/segments/preview", json("POST", { kind: "customer", query: "product_view.count(all) = 4" }));
    expect(preview.count).toBe(1);
  });

  it("refuses a hot window shorter than a segment's window, and a segment window longer than the hot window", async () => {
    const tenant = await adminTenant();
    const settings = await adminJson<{ hotWindowDays: number; minHotWindowDays: number }>(tenant.shop, "/privacy/settings");
    expect(settings).toMatchObject({ hotWindowDays: 90, minHotWindowDays: 7 });
    const long = await adminFetch(tenant.shop, "/segments", json("POST", { name: "Long", kind: "customer", query: "purchase.count(120d) >= 1" }));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "validation_failed", message: expect.stringContaining("hot window of 90 days") });

    await adminJson(tenant.shop, "/privacy/settings", json("PUT", { hotWindowDays: 200 }));
    expect((await adminFetch(tenant.shop, "/segments", json("POST", { name: "Long", kind: "customer", query: "purchase.count(120d) >= 1" }))).status).toBe(201);
    const shorter = await adminFetch(tenant.shop, "/privacy/settings", json("PUT", { hotWindowDays: 100 }));
    expect(shorter.status).toBe(400);
    const refused = ((await shorter.json()) as { error: { code: string; message: string; requestId: string } }).error;
    expect(refused).toMatchObject({ code: "validation_failed", message: expect.stringContaining("120-day window"), requestId: expect.any(String) });
    expect((await adminFetch(tenant.shop, "/privacy/settings", json("PUT", { hotWindowDays: 3 }))).status).toBe(400);
    expect(await adminJson(tenant.shop, "/privacy/settings")).toMatchObject({ hotWindowDays: 200, minHotWindowDays: 120 });
  });

  it("retention archives first, then deletes archive days past the event retention", async () => {
    const now = Date.now();
    const tenant = await adminTenant();
    await adminJson(tenant.shop, "/privacy/settings", json("PUT", { eventRetentionDays: 60, hotWindowDays: 30 }));
    const [profile] = await seedProfiles(tenant.tenantId, [{}]);
    const [kept] = await insertEvents(tenant.tenantId, [{ name: "search", source: "pixel", occurredAt: now - 40 * DAY_MS, profileId: profile! }]);
    await insertEvents(tenant.tenantId, [{ name: "search", source: "pixel", occurredAt: now - 100 * DAY_MS, profileId: profile! }]);
    const deps = serviceDeps();
    const sent: unknown[] = [];
    const ctx = { ...deps, env: { ...deps.env, PRIVACY_QUEUE: { send: async (body: unknown) => void sent.push(body) } } as unknown as Env };
    const outcome = await enforceRetention({ ctx, input: { type: "retention", tenantId: tenant.tenantId, now } });
    expect(outcome).toMatchObject({ done: true, deleted: { archived: 2, events: 0, archive_files: 1 } });
    expect(sent).toEqual([]);
    expect((await archivedLines(tenant.tenantId)).map((line) => line.id)).toEqual([kept]);
    expect(await eventsInD1(tenant.tenantId)).toBe(0);
    const counts = await (await tenantDb(tenant.tenantId)).prepare("select archived_event_counts c from profiles where id = ?").bind(profile).first<{ c: string }>();
    expect(JSON.parse(counts!.c)).toEqual({ search: 2 });
    const manifest = await (await tenantDb(tenant.tenantId)).prepare("select date from event_archive_parts where tenant_id = ?").bind(tenant.tenantId).all();
    expect(manifest.results).toEqual([{ date: day(now - 40 * DAY_MS) }]);
  });

  it("shop/redact deletes every file under the tenant's prefix and leaves another tenant's", async () => {
    const now = Date.now();
    const [erased, other] = await Promise.all([adminTenant(), adminTenant()]);
    for (const { tenantId } of [erased, other]) {
      await insertEvents(tenantId, [100, 101, 150].map((days) => ({ name: "page_view", source: "pixel" as const, occurredAt: now - days * DAY_MS })));
      expect(await archive(await tenantContextOf(tenantId), now)).toMatchObject({ files: 3 });
    }
    const outcome = await eraseShop({
      ctx: serviceDeps(),
      input: { requestId: `prv_test_${crypto.randomUUID()}`, tenantId: erased.tenantId, shopDomain: erased.shop, uninstalledAt: now, budget: newWorkBudget() },
    });
    expect(outcome).toMatchObject({ done: true, counts: { event_archive: 3, event_archive_parts: 3 } });
    expect((await env.EVENT_ARCHIVE.list({ prefix: `events/tenant=${erased.tenantId}/` })).objects).toEqual([]);
    expect(await archivedLines(other.tenantId)).toHaveLength(3);
  });

  it("a data request exports the customer's archived events; customers/redact rewrites their files and deletes one left empty", async () => {
    const now = Date.now();
    const sim = simulator();
    const tenant = await adminTenant();
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Archive"));
    const subject = await (await tenantDb(tenant.tenantId)).prepare("select id from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenant.tenantId, customerId).first<{ id: string }>();
    const [other] = await seedProfiles(tenant.tenantId, [{}]);
    const shared = now - 200 * DAY_MS;
    const own = now - 300 * DAY_MS;
    const theirs = await insertEvents(tenant.tenantId, [
      { name: "product_view", source: "pixel", occurredAt: shared, profileId: subject!.id },
      { name: "product_view", source: "pixel", occurredAt: own, profileId: subject!.id },
    ]);
    const others = await insertEvents(tenant.tenantId, [{ name: "product_view", source: "pixel", occurredAt: shared + 1, profileId: other! }]);
    // An anonymous pixel event of a visitor linked to the customer (a checkout they completed): found through the link.
    const visitor = `client-${crypto.randomUUID()}`;
    const visited = `evt_${crypto.randomUUID()}`;
    const shard = await tenantDb(tenant.tenantId);
    await shard.batch([
      shard.prepare("insert into identities (tenant_id, kind, value, profile_id, linked_by, created_at) values (?, 'client_id', ?, ?, 'checkout', ?)").bind(tenant.tenantId, visitor, subject!.id, now),
      shard.prepare("insert into events (id, tenant_id, name, source, occurred_at, received_at, anonymous_id, dedup_key, properties) values (?, ?, 'page_view', 'pixel', ?, ?, ?, ?, '{}')")
        .bind(visited, tenant.tenantId, shared + 2, shared + 2, visitor, visited),
    ]);
    theirs.push(visited);
    expect(await archive(await tenantContextOf(tenant.tenantId), now)).toMatchObject({ archived: 4, files: 2 });

    const request = await sendCompliance(sim, tenant.shop, "customers/data_request", customerId);
    await waitForCompleted(request.requestId);
    const exported = (await (await env.PRIVACY_EXPORTS.get(`exports/${request.requestId}.json`))!.json()) as { events: { id: string; archivedIn?: string }[] };
    const archived = exported.events.filter((event) => event.archivedIn);
    expect(archived.map((event) => event.id).toSorted()).toEqual(theirs.toSorted());
    expect(archived[0]).toMatchObject({ name: "product_view", profileId: subject!.id, occurredAt: expect.any(String) });

    const redact = await sendCompliance(sim, tenant.shop, "customers/redact", customerId);
    await waitForCompleted(redact.requestId);
    const files = await archivedFiles(tenant.tenantId);
    expect(files).toEqual({ [`events/tenant=${tenant.tenantId}/date=${day(shared)}/part-1.ndjson.gz`]: [expect.objectContaining({ id: others[0] })] });
    const manifest = await (await tenantDb(tenant.tenantId)).prepare("select date, events from event_archive_parts where tenant_id = ? order by date").bind(tenant.tenantId).all();
    expect(manifest.results).toEqual([{ date: day(own), events: 0 }, { date: day(shared), events: 1 }]);
  });
});
