import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Deps } from "../../../../worker/context/deps.ts";
import { keepPrivacyDeadlines } from "../../../../worker/services/privacy/keep-privacy-deadlines.ts";
import { runPrivacyRequest } from "../../../../worker/services/privacy/run-privacy-request.ts";
import { adminTenant } from "../../../helpers/admin-tenant.ts";
import { sim as simulator } from "../../../helpers/harness.ts";
import { ingestCustomer, requestRow, sendCompliance, testPerson, waitForCompleted } from "../../../helpers/privacy.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";
import { deliveryRequest } from "../../../helpers/simulator-client.ts";
import { fetchWithEnv, sendDelivery } from "../../../helpers/webhook-requests.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

afterEach(() => vi.restoreAllMocks());

/** A privacy queue that keeps what is sent instead of running it. */
function heldQueue() {
  const sent: unknown[] = [];
  const queue = { send: async (body: unknown) => void sent.push(body), sendBatch: async (batch: { body: unknown }[]) => void sent.push(...batch.map((m) => m.body)) };
  return { sent, queue };
}

/** Records a compliance request without running it, as if its queue message were still in flight. */
async function recordOnly(shop: string, topic: "customers/data_request" | "customers/redact", customerId: string) {
  const { deliveries } = await simulator().compliance(shop, { topic, customerId });
  expect((await fetchWithEnv(deliveryRequest(deliveries[0]!), { PRIVACY_QUEUE: heldQueue().queue })).status).toBe(200);
  return `prv_webhook_${deliveries[0]!.id}`;
}

const withEnv = (overrides: Partial<Record<keyof Env, unknown>>): Deps => {
  const deps = serviceDeps();
  return { ...deps, env: { ...deps.env, ...overrides } as Env };
};

const profiles = async (tenantId: string) => (await (await tenantDb(tenantId)).prepare("select count(*) n from profiles where tenant_id = ?").bind(tenantId).first<{ n: number }>())!.n;

describe("privacy requests over time", () => {
  it("run for an uninstalled shop, and a request recorded before a reinstall still runs after it", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const [first, second] = [await ingestCustomer(sim, tenant.shop, testPerson("One")), await ingestCustomer(sim, tenant.shop, testPerson("Two"))];
    await env.DB.prepare("update tenants set status = 'uninstalled', uninstalled_at = ? where id = ?").bind(Date.now(), tenant.tenantId).run();
    await waitForCompleted((await sendCompliance(sim, tenant.shop, "customers/redact", first)).requestId);
    expect(await profiles(tenant.tenantId)).toBe(1);

    const pending = await recordOnly(tenant.shop, "customers/redact", second);
    await env.DB.prepare("update tenants set status = 'active', installed_at = ? where id = ?").bind(Date.now(), tenant.tenantId).run();
    expect(await runPrivacyRequest({ ctx: serviceDeps(), input: { requestId: pending } })).toBe("completed");
    expect(await profiles(tenant.tenantId)).toBe(0);
  });

  it("are idempotent: a redelivered webhook is one request, and running a done request again does nothing", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Twice"));
    const { requestId, delivery } = await sendCompliance(sim, tenant.shop, "customers/redact", customerId);
    const done = await waitForCompleted(requestId);
    expect((await sendDelivery(delivery)).status).toBe(200);
    expect(await runPrivacyRequest({ ctx: serviceDeps(), input: { requestId } })).toBe("already_completed");
    expect(await requestRow(requestId)).toEqual(done);
    const { n } = (await env.DB.prepare("select count(*) n from privacy_requests where tenant_id = ?").bind(tenant.tenantId).first<{ n: number }>())!;
    expect(n).toBe(1);
    const again = await sendCompliance(sim, tenant.shop, "customers/redact", customerId);
    expect(JSON.parse((await waitForCompleted(again.requestId)).result!)).toMatchObject({ profile: 0, events: 0 });
  });

  it("record a failed run, which the daily job sends again; it runs overdue ones itself and flags those 25 days old", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Late"));
    const failing = await recordOnly(tenant.shop, "customers/data_request", customerId);
    const brokenBucket = { put: async () => Promise.reject(new Error("R2 is unavailable")) };
    await expect(runPrivacyRequest({ ctx: withEnv({ PRIVACY_EXPORTS: brokenBucket }), input: { requestId: failing } })).rejects.toThrow("R2 is unavailable");
    expect(await requestRow(failing)).toMatchObject({ status: "failed", failures: 1, last_error: "R2 is unavailable" });

    const overdue = await recordOnly(tenant.shop, "customers/redact", customerId);
    const now = Date.now();
    const db = env.DB;
    await db.batch([
      db.prepare("update privacy_requests set received_at = ?, due_at = ? where id = ?").bind(now - 26 * DAY_MS, now + 4 * DAY_MS, failing),
      db.prepare("update privacy_requests set received_at = ?, due_at = ?, updated_at = ? where id = ?").bind(now - 31 * DAY_MS, now - DAY_MS, now, overdue),
    ]);
    const warn = vi.spyOn(console, "warn");
    const queued = heldQueue();
    const counts = await keepPrivacyDeadlines({ ctx: withEnv({ PRIVACY_QUEUE: queued.queue }), input: { now } });

    expect(queued.sent).toContainEqual({ type: "privacy_request", requestId: failing });
    expect(await requestRow(overdue)).toMatchObject({ status: "completed" });
    expect(counts).toMatchObject({ ranOverdue: 1, flagged: 1 });
    expect(await db.prepare("select at_risk_at from privacy_requests where id = ?").bind(failing).first()).toEqual({ at_risk_at: now });
    const flaggedLine = warn.mock.calls.map((call) => String(call[0])).find((line) => line.includes("privacy request at risk"));
    expect(JSON.parse(flaggedLine!)).toMatchObject({ tenant: tenant.tenantId, request: failing, kind: "customers_data_request" });
  });

  it("delete an export 30 days after it was made, and the customer's identifiers with it", async () => {
    const sim = simulator();
    const tenant = await adminTenant();
    const customerId = await ingestCustomer(sim, tenant.shop, testPerson("Old"));
    const { requestId } = await sendCompliance(sim, tenant.shop, "customers/data_request", customerId);
    const key = JSON.parse((await waitForCompleted(requestId)).export!).key as string;
    const ctx = withEnv({ PRIVACY_QUEUE: heldQueue().queue });
    // The daily job runs over every shop: other tests' exports may expire in the same run.
    await keepPrivacyDeadlines({ ctx, input: { now: Date.now() + 29 * DAY_MS } });
    expect(await env.PRIVACY_EXPORTS.head(key)).not.toBeNull();
    expect((await keepPrivacyDeadlines({ ctx, input: { now: Date.now() + 31 * DAY_MS } })).exportsDeleted).toBeGreaterThanOrEqual(1);
    expect(await env.PRIVACY_EXPORTS.head(key)).toBeNull();
    const row = await requestRow(requestId);
    expect(row).toMatchObject({ shopify_customer_id: null, payload: "{}" });
    expect(JSON.parse(row!.export!)).toMatchObject({ key, deletedAt: expect.any(Number) });
  });
});
