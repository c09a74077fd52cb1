import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetTenantShard, TenantMovingError } from "../../../../worker/context/tenant-directory.ts";
import { archiveEvents } from "../../../../worker/services/privacy/archive/archive-events.ts";
import { gunzipLines } from "../../../../worker/services/privacy/archive/gzip-lines.ts";
import { runPrivacyRequest } from "../../../../worker/services/privacy/run-privacy-request.ts";
import { newWorkBudget } from "../../../../worker/services/privacy/work-budget.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { sim as simulator } from "../../../helpers/harness.ts";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { insertEvents } from "../../../helpers/insert-events.ts";
import { findInDatabase, ingestCustomer, rowsOfTenant, sendCompliance, testPerson, waitForCompleted } from "../../../helpers/privacy.ts";
import { seedProfiles } from "../../../helpers/seed-profiles.ts";
import { placeTenant } from "../../../helpers/seed-move-dataset.ts";
import { serviceDeps, tenantContextOf } from "../../../helpers/service-context.ts";

const DAY_MS = 86_400_000;

const count = async (db: D1Database, sql: string, ...values: unknown[]) =>
  (await db
    .prepare(sql)
    .bind(...values)
    .first<{ n: number }>())!.n;

async function archivedLines(tenantId: string): Promise<Record<string, unknown>[]> {
  const listed = await env.EVENT_ARCHIVE.list({ prefix: `events/tenant=${tenantId}/` });
  const lines: Record<string, unknown>[] = [];
  for (const object of listed.objects) {
    const body = await env.EVENT_ARCHIVE.get(object.key);
    lines.push(...(await gunzipLines(await body!.arrayBuffer())).map((line) => JSON.parse(line) as Record<string, unknown>));
  }
  return lines;
}

/** A tenant placed on SHARD_2 before any of its data is written, and one of its customers in D1, quarantine and the archive. */
async function customerOnShard2() {
  const sim = simulator();
  const tenant = await adminTenant();
  await placeTenant(tenant.tenantId, "SHARD_2");
  const who = testPerson("Sharded");
  const customerId = await ingestCustomer(sim, tenant.shop, who);
  const profile = await env.SHARD_2.prepare("select id from profiles where tenant_id = ? and shopify_customer_id = ?").bind(tenant.tenantId, customerId).first<{ id: string }>();
  expect(profile).not.toBeNull();
  // An update Shopify sent without the customer's id: unreadable, so quarantined with its raw body.
  const { result } = await consumeIngestBatch([webhookMessage(tenant.shop, "customers/update", JSON.stringify({ email: who.email, phone: who.phone, last_name: who.lastName }))]);
  expect(result.retryMessages).toEqual([]);
  expect(await count(env.SHARD_2, "select count(*) n from quarantine where tenant_id = ? and instr(payload, ?) > 0", tenant.tenantId, who.email)).toBe(1);
  const now = Date.now();
  const events = await insertEvents(tenant.tenantId, [
    { name: "product_view", source: "pixel", occurredAt: now - 200 * DAY_MS, profileId: profile!.id, properties: { note: who.lastName } },
    { name: "product_view", source: "pixel", occurredAt: now - 2 * DAY_MS, profileId: profile!.id },
  ]);
  expect(await archiveEvents({ ctx: await tenantContextOf(tenant.tenantId), input: { now, budget: newWorkBudget() } })).toMatchObject({ archived: 1 });
  return { sim, tenant, who, customerId, profileId: profile!.id, events, needles: [who.email, who.phone, who.firstName, who.lastName, who.address1, profile!.id] };
}

/** A neighbour on the same shard with a profile and an archived event of its own: nothing of it may change. */
async function neighbourOnShard2() {
  const tenant = await adminTenant();
  await placeTenant(tenant.tenantId, "SHARD_2");
  const [profile] = await seedProfiles(tenant.tenantId, [{}]);
  const now = Date.now();
  await insertEvents(tenant.tenantId, [{ name: "product_view", source: "pixel", occurredAt: now - 200 * DAY_MS, profileId: profile! }]);
  await archiveEvents({ ctx: await tenantContextOf(tenant.tenantId), input: { now, budget: newWorkBudget() } });
  return tenant;
}

describe("privacy requests for a tenant on a data shard", () => {
  it("a data request exports the customer from the tenant's shard and archive; customers/redact leaves them stored nowhere", async () => {
    const subject = await customerOnShard2();
    const neighbour = await neighbourOnShard2();
    const neighbourRows = await rowsOfTenant(neighbour.tenantId, neighbour.shop);
    const neighbourLines = await archivedLines(neighbour.tenantId);
    expect((await findInDatabase(subject.needles)).map((match) => match.table)).toEqual(expect.arrayContaining(["profiles", "identities", "quarantine", "events"]));

    const request = await sendCompliance(subject.sim, subject.tenant.shop, "customers/data_request", subject.customerId);
    await waitForCompleted(request.requestId);
    const exported = (await (await env.PRIVACY_EXPORTS.get(`exports/${request.requestId}.json`))!.json()) as {
      profiles: { id: string; email: string }[];
      events: { id: string; archivedIn?: string }[];
    };
    expect(exported.profiles).toEqual([expect.objectContaining({ id: subject.profileId, email: subject.who.email })]);
    expect(exported.events.map((event) => event.id)).toEqual(expect.arrayContaining(subject.events));
    expect(exported.events.find((event) => event.id === subject.events[0])?.archivedIn).toMatch(new RegExp(`^events/tenant=${subject.tenant.tenantId}/`));

    const redact = await sendCompliance(subject.sim, subject.tenant.shop, "customers/redact", subject.customerId);
    await waitForCompleted(redact.requestId);
    expect(await findInDatabase(subject.needles)).toEqual([]);
    expect(await archivedLines(subject.tenant.tenantId)).toEqual([]);
    expect(await env.PRIVACY_EXPORTS.head(`exports/${request.requestId}.json`)).toBeNull();
    // The redaction's keyed hashes are kept with the tenant's data, where ingestion looks them up.
    expect(await count(env.SHARD_2, "select count(*) n from redacted_subjects where tenant_id = ?", subject.tenant.tenantId)).toBeGreaterThan(0);
    for (const db of [env.DB, env.SHARD_1]) expect(await count(db, "select count(*) n from redacted_subjects where tenant_id = ?", subject.tenant.tenantId)).toBe(0);

    expect(await rowsOfTenant(neighbour.tenantId, neighbour.shop)).toEqual(neighbourRows);
    expect(await archivedLines(neighbour.tenantId)).toEqual(neighbourLines);
  });
});

describe("a privacy request while a move has the tenant frozen", () => {
  it("customers/redact waits for the move without counting a failure, then runs on the tenant's shard", async () => {
    const tenant = await adminTenant();
    await placeTenant(tenant.tenantId, "SHARD_2");
    const [profile] = await seedProfiles(tenant.tenantId, [{}]);
    await env.SHARD_2.prepare("update profiles set shopify_customer_id = '7700112233' where id = ?").bind(profile).run();
    const requestId = `prv_test_${crypto.randomUUID()}`;
    const now = Date.now();
    await env.DB.prepare(
      "insert into privacy_requests (id, tenant_id, shop_domain, kind, payload, status, received_at, due_at) values (?, ?, ?, 'customers_redact', ?, 'received', ?, ?)",
    )
      .bind(requestId, tenant.tenantId, tenant.shop, JSON.stringify({ customer: { id: 7700112233 } }), now, now + 30 * DAY_MS)
      .run();
    await env.DB.prepare("update tenant_shards set state = 'frozen' where tenant_id = ?").bind(tenant.tenantId).run();
    forgetTenantShard(tenant.tenantId);

    await expect(runPrivacyRequest({ ctx: serviceDeps(), input: { requestId } })).rejects.toBeInstanceOf(TenantMovingError);
    expect(await env.DB.prepare("select status, failures from privacy_requests where id = ?").bind(requestId).first()).toEqual({ status: "running", failures: 0 });
    expect(await count(env.SHARD_2, "select count(*) n from profiles where id = ?", profile)).toBe(1);

    await placeTenant(tenant.tenantId, "SHARD_2");
    expect(await runPrivacyRequest({ ctx: serviceDeps(), input: { requestId } })).toBe("completed");
    expect(await count(env.SHARD_2, "select count(*) n from profiles where id = ?", profile)).toBe(0);
  });
});
