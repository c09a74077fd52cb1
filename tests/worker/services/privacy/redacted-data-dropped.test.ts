import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { createBackfillContext } from "../../../../worker/services/backfill/backfill-context.ts";
import { applyCustomerFact, newIngestPlan } from "../../../../worker/services/ingest/index.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { sim as simulator } from "../../../helpers/harness.ts";
import { actionBody, flowPost } from "../../../helpers/flow-requests.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../../../helpers/pixel-collector.ts";
import { consumeQueueBatch } from "../../../helpers/queue-batch.ts";
import { requestRow, sendCompliance, waitForCompleted } from "../../../helpers/privacy.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";
import { sendDelivery } from "../../../helpers/webhook-requests.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

// The docs order (tests/fixtures/ingest): customer 9007199254740995, ada@example.com, checkout c0ffee…, which the
// project's pixel fixture events also carry.
const ADA = { id: "9007199254740995", email: "Ada@Example.com", order: "9007199254740993", checkout: "c0ffee00c0ffee00c0ffee00c0ffee00" };

/** A count from `db`: the tenant's shard for its data, `env.DB` for the dead letters (a control table). */
const count = async (db: D1Database | Promise<D1Database>, sql: string, ...values: unknown[]) => (await (await db).prepare(sql).bind(...values).first<{ n: number }>())!.n;

/** A shop whose tenant ingested Ada's order and a visitor's pixel events that her checkout stitched to her; then Ada is redacted. */
async function redactedAda() {
  const sim = simulator();
  const tenant = await adminTenant();
  const clientId = crypto.randomUUID();
  await consumeIngestBatch([pixelMessage(tenant, clientId, ownPixelEvents(clientId))]);
  await consumeIngestBatch([webhookMessage(tenant.shop, "orders/paid", orderText)]);
  expect(await count(tenantDb(tenant.tenantId), "select count(*) n from events where tenant_id = ? and anonymous_id = ? and profile_id is not null", tenant.tenantId, clientId)).toBeGreaterThan(0);
  // Written as text: the ids are above 2^53, as in Shopify's docs payloads.
  const payloadText = `{"shop_id":1,"shop_domain":"${tenant.shop}","customer":{"id":${ADA.id},"email":"${ADA.email}","phone":null},"orders_to_redact":[${ADA.order}]}`;
  const delivery = await sim.webhook(tenant.shop, { topic: "customers/redact", payloadText, via: "https" });
  expect((await sendDelivery(delivery)).status).toBe(200);
  await waitForCompleted(`prv_webhook_${delivery.id}`);
  const rows = async () => ({
    profiles: await count(tenantDb(tenant.tenantId), "select count(*) n from profiles where tenant_id = ?", tenant.tenantId),
    orders: await count(tenantDb(tenant.tenantId), "select count(*) n from orders where tenant_id = ?", tenant.tenantId),
    events: await count(tenantDb(tenant.tenantId), "select count(*) n from events where tenant_id = ?", tenant.tenantId),
    checkouts: await count(tenantDb(tenant.tenantId), "select count(*) n from checkouts where tenant_id = ?", tenant.tenantId),
    quarantine: await count(tenantDb(tenant.tenantId), "select count(*) n from quarantine where tenant_id = ?", tenant.tenantId),
  });
  expect(await rows()).toEqual({ profiles: 0, orders: 0, events: 0, checkouts: 0, quarantine: 0 });
  return { sim, tenant, clientId, rows };
}

describe("data about a redacted customer that arrives later", () => {
  it("is dropped from late webhooks, the stitched visitor's pixel batches and unmappable deliveries, while the delivery is still recorded once", async () => {
    const { tenant, clientId, rows } = await redactedAda();
    const late = webhookMessage(tenant.shop, "orders/updated", orderText.replace(/"updated_at":\s*"[^"]+"/, `"updated_at": "${new Date().toISOString()}"`));
    const { result } = await consumeIngestBatch([
      late,
      pixelMessage(tenant, clientId, ownPixelEvents(clientId).map((event) => ({ ...event, id: `${String(event.id)}-late` }))),
      webhookMessage(tenant.shop, "customers/update", JSON.stringify({ email: "ada@example.com", note: "no id: unmappable" })),
    ]);
    expect(result.retryMessages).toEqual([]);
    expect(await rows()).toEqual({ profiles: 0, orders: 0, events: 0, checkouts: 0, quarantine: 0 });
    expect(await count(tenantDb(tenant.tenantId), "select count(*) n from deliveries where key = ?", late.deliveryKey)).toBe(1);
  });

  it("is dropped from a backfill chunk and a dead letter, and refused by the Flow tag action", async () => {
    const { tenant, rows } = await redactedAda();
    const plan = newIngestPlan();
    const fact = { customerId: ADA.id, email: "ada@example.com", phone: null, firstName: "Ada", lastName: "Lovelace", countryCode: "GB", tags: [], state: null, emailMarketingState: null, smsMarketingState: null, createdAt: null, updatedAt: Date.now() };
    applyCustomerFact(plan, { tenantId: tenant.tenantId, source: "backfill", receivedAt: Date.now(), triggeredAt: null }, fact, "snapshot");
    await (await createBackfillContext({ ctx: serviceDeps(), input: { tenantId: tenant.tenantId } })).writePlan(plan);
    expect(await rows()).toMatchObject({ profiles: 0, events: 0 });

    const { batch } = await consumeQueueBatch("segops-ingest-dlq", [webhookMessage(tenant.shop, "orders/paid", orderText)]);
    const letters = "select count(*) n from dead_letters where message_id = ? or instr(body, ?) > 0 or instr(body, ?) > 0";
    expect(await count(env.DB, letters, batch.messages[0]!.id, tenant.tenantId, tenant.shop)).toBe(0);

    const res = await flowPost("/actions/segops-tag-customer", actionBody(tenant.shop, "segops-tag-customer", { customer_id: ADA.id, tag: "vip" }));
    expect(res.status).toBe(404);
    expect(JSON.stringify(await (await tenantDb(tenant.tenantId)).prepare("select result from flow_action_runs where tenant_id = ?").bind(tenant.tenantId).all())).not.toContain(ADA.id);
  });

  it("does not stop a new customer who uses the redacted e-mail, and keeps only keyed hashes of the identifiers", async () => {
    const { tenant } = await redactedAda();
    const at = new Date().toISOString();
    const newcomer = { id: 9007199254740111, email: "ada@example.com", first_name: "Ada", last_name: "Byron", tags: "", created_at: at, updated_at: at };
    await consumeIngestBatch([webhookMessage(tenant.shop, "customers/create", JSON.stringify(newcomer))]);
    const db = await tenantDb(tenant.tenantId);
    const profiles = await db.prepare("select shopify_customer_id, email from profiles where tenant_id = ?").bind(tenant.tenantId).all();
    expect(profiles.results).toEqual([{ shopify_customer_id: "9007199254740111", email: "ada@example.com" }]);
    const redacted = await db.prepare("select * from redacted_subjects where tenant_id = ?").bind(tenant.tenantId).all<{ subject_hash: string }>();
    expect(redacted.results.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(redacted.results)).not.toMatch(/9007199254740995|ada@example|c0ffee/i);
  });

  it("keeps the redact request as proof without the customer's identifiers", async () => {
    const { tenant } = await redactedAda();
    const { results } = await env.DB.prepare("select id from privacy_requests where tenant_id = ?").bind(tenant.tenantId).all<{ id: string }>();
    const row = await requestRow(results[0]!.id);
    expect(row).toMatchObject({ status: "completed", shopify_customer_id: null, payload: "{}", failures: 0, last_error: null });
    expect(JSON.parse(row!.result!)).toMatchObject({ profile: 1, orders: 1, checkouts: 1, identities: expect.any(Number), events: expect.any(Number) });
  });
});

describe("customers/redact", () => {
  it("reaches raw bodies that name the customer by e-mail or phone even when SegOps never made a profile of them", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const { customer } = await sim.createCustomer(tenant.shop, { email: "only.quarantined@privacy.example", phone: "+16135550199", emit: false });
    await consumeIngestBatch([
      webhookMessage(tenant.shop, "made/up_topic", JSON.stringify({ contact: "only.quarantined@privacy.example" })),
      webhookMessage(tenant.shop, "made/up_topic", JSON.stringify({ note: "call +16135550199" })),
      webhookMessage(tenant.shop, "made/up_topic", JSON.stringify({ note: "someone else" })),
    ]);
    expect(await count(tenantDb(tenant.tenantId), "select count(*) n from quarantine where tenant_id = ?", tenant.tenantId)).toBe(3);
    const { requestId } = await sendCompliance(sim, tenant.shop, "customers/redact", customer.id);
    expect(JSON.parse((await waitForCompleted(requestId)).result!)).toMatchObject({ raw_bodies: 2, profile: 0 });
    expect(await count(tenantDb(tenant.tenantId), "select count(*) n from quarantine where tenant_id = ?", tenant.tenantId)).toBe(1);
  });
});
