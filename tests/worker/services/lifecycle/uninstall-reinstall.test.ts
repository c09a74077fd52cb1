import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { TenantObject } from "../../../../durable-objects/tenant-object.ts";
import { QUEUE_NAMES } from "../../../../queues/messages.ts";
import worker from "../../../../worker/index.ts";
import type { BootstrapResponse } from "../../../../worker/routes/admin/get-bootstrap.ts";
import { planWebhookDelivery } from "../../../../worker/services/ingest/plan-webhook-delivery.ts";
import { DATA_WEBHOOK_TOPICS } from "../../../../worker/services/install/ensure-webhook-subscriptions.ts";
import { tenantObject } from "../../../../worker/context/tenant-object.ts";
import { DECLARED_SCOPES } from "../../../../worker/shopify/scopes.ts";
import { adminFetch, adminJson, installShop, sim, waitForSetup } from "../../../helpers/harness.ts";
import { appUninstalledBody, consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";
import { faultyD1 } from "../../../helpers/faulty-d1.ts";

const tenantRow = (tenantId: string) => env.DB.prepare("select status, uninstalled_at from tenants where id = ?").bind(tenantId).first<{ status: string; uninstalled_at: number | null }>();
const credentials = (tenantId: string) => env.DB.prepare("select count(*) n from shop_credentials where tenant_id = ?").bind(tenantId).first<{ n: number }>();
const alarm = (tenantId: string) => runInDurableObject(tenantObject(env, tenantId), (_instance: TenantObject, state) => state.storage.getAlarm());
const armAlarm = (tenantId: string) => runInDurableObject(tenantObject(env, tenantId), (_instance: TenantObject, state) => state.storage.setAlarm(Date.now() + 3_600_000));

/** The shop object app/uninstalled carries; SegOps checks that it names the shop the headers name. */
/** Runs the real consumer over one message with this env, answering what it acked and retried. */
async function consumeWith(testEnv: Env, message: unknown) {
  const batch = createMessageBatch(QUEUE_NAMES.ingest, [{ id: `msg-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body: message }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, testEnv, ctx);
  return getQueueResult(batch, ctx);
}

/** A TENANT namespace whose objects record the calls made to them, and fail `dropTokens` when asked to. */
function recordingTenants(options: { failDropTokens: boolean }) {
  const calls: { call: string; status: string | undefined }[] = [];
  const record = (tenantId: string, call: string) => async () => {
    calls.push({ call, status: (await tenantRow(tenantId))?.status });
    if (call === "dropTokens" && options.failDropTokens) throw new Error("Durable Object unavailable");
    await (call === "dropTokens" ? tenantObject(env, tenantId).dropTokens() : tenantObject(env, tenantId).stopWork());
  };
  // Every other call (the uninstall's check with Shopify reads the token) goes to the real object.
  const namespace = {
    getByName: (tenantId: string) =>
      new Proxy(tenantObject(env, tenantId), { get: (stub, name: string) => (name === "dropTokens" || name === "stopWork" ? record(tenantId, name) : (stub as unknown as Record<string, unknown>)[name]) }),
  };
  return { calls, env: { ...env, TENANT: namespace as unknown as Env["TENANT"] } };
}

describe("uninstall and reinstall", () => {
  it("drops tokens, stops queued work and the setup alarm, and keeps the data on app/uninstalled", async () => {
    // Exports that never finish keep the install's backfill running: the uninstall must find it at work.
    const { shop, tenantId } = await installShop({ settings: { bulkDelayMs: 600_000 } });
    await armAlarm(tenantId);
    const { deliveries } = await sim().uninstall(shop);
    const { result } = await consumeIngestBatch([webhookMessage(shop, "app/uninstalled", deliveries[0]!.body)]);
    expect(result.retryMessages).toEqual([]);
    const tenant = await tenantRow(tenantId);
    expect(tenant?.status).toBe("uninstalled");
    expect(tenant?.uninstalled_at).toBeGreaterThan(0);
    expect(await credentials(tenantId)).toEqual({ n: 0 });
    expect(await (await tenantDb(tenantId)).prepare("select status from jobs where tenant_id = ? and kind = 'backfill'").bind(tenantId).first()).toEqual({ status: "cancelled" });
    expect(await env.DB.prepare("select count(*) n from api_keys where tenant_id = ?").bind(tenantId).first()).toEqual({ n: 2 });
    expect(await alarm(tenantId)).toBeNull();
    expect((await adminFetch(shop, "/setup")).status).toBe(409);
  });

  it("plans app/uninstalled without touching the tenant: rows and effects, nothing run", async () => {
    const { shop, tenantId } = await installShop();
    const { type: _type, ...delivery } = webhookMessage(shop, "app/uninstalled", appUninstalledBody(shop));
    const planned = planWebhookDelivery(delivery, tenantId);
    expect(planned.ok && { uninstalls: planned.value.uninstalls, effects: planned.value.effects }).toEqual({
      uninstalls: [{ tenantId }],
      effects: [
        { type: "stop_tenant", tenantId },
        { type: "settle_trial_days", tenantId },
      ],
    });
    expect((await tenantRow(tenantId))?.status).toBe("active");
    expect(await credentials(tenantId)).toEqual({ n: 1 });
  });

  it("runs the Durable Object calls only after the D1 write, and none when the write fails", async () => {
    const { shop, tenantId } = await installShop();
    const { deliveries } = await sim().uninstall(shop);
    const message = webhookMessage(shop, "app/uninstalled", deliveries[0]!.body);
    const writeFails = recordingTenants({ failDropTokens: false });
    // Every D1 batch fails, on whichever database (control or the tenant's shard) the write goes to.
    const { bindings } = faultyD1(({ kind }) => (kind === "batch" ? new Error("D1 write failed") : null));
    const failed = await consumeWith({ ...writeFails.env, ...bindings }, message);
    expect(failed.retryMessages).toHaveLength(1);
    expect(writeFails.calls).toEqual([]);
    expect((await tenantRow(tenantId))?.status).toBe("active");

    const ordered = recordingTenants({ failDropTokens: false });
    expect((await consumeWith(ordered.env, message)).retryMessages).toEqual([]);
    expect(ordered.calls).toEqual([
      { call: "dropTokens", status: "uninstalled" },
      { call: "stopWork", status: "uninstalled" },
    ]);
  });

  it("retries a message whose effects failed, and its redelivery finishes them without writing twice", async () => {
    const { shop, tenantId } = await installShop();
    await armAlarm(tenantId);
    const { deliveries } = await sim().uninstall(shop);
    const message = webhookMessage(shop, "app/uninstalled", deliveries[0]!.body);
    const failing = recordingTenants({ failDropTokens: true });
    expect((await consumeWith(failing.env, message)).retryMessages).toHaveLength(1);
    expect((await tenantRow(tenantId))?.status).toBe("uninstalled");
    expect(await alarm(tenantId)).not.toBeNull();

    const { result } = await consumeIngestBatch([message]);
    expect(result.retryMessages).toEqual([]);
    expect(await alarm(tenantId)).toBeNull();
    const db = await tenantDb(tenantId);
    const recorded = await db.prepare("select count(*) n from deliveries where key = ?").bind(message.deliveryKey).first();
    expect(recorded).toEqual({ n: 1 });
    expect(await db.prepare("select count(*) n from quarantine where tenant_id = ?").bind(tenantId).first()).toEqual({ n: 0 });
  });

  it("restores the same tenant, with its keys, when the shop installs again before shop/redact", async () => {
    const { shop, tenantId, publicKey } = await installShop();
    const { deliveries } = await sim().uninstall(shop);
    const uninstalled = webhookMessage(shop, "app/uninstalled", deliveries[0]!.body);
    await consumeIngestBatch([uninstalled]);
    await sim().install(shop);
    const again = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    expect(again.tenant.id).toBe(tenantId);
    await waitForSetup(shop);
    const after = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    expect(after.tenant.status).toBe("active");
    expect(after.keys.public?.key).toBe(publicKey);
    const state = await sim().state(shop);
    expect(state.webhookSubscriptions).toHaveLength(DATA_WEBHOOK_TOPICS.length);
    expect(state.webPixel?.settings).toMatchObject({ publicKey });

    // Shopify redelivering the old uninstall now changes nothing: the new install keeps its token.
    expect((await consumeIngestBatch([uninstalled])).result.retryMessages).toEqual([]);
    expect((await tenantRow(tenantId))?.status).toBe("active");
    expect(await credentials(tenantId)).toEqual({ n: 1 });
  });
});

describe("scopes", () => {
  const scopesUpdate = (shop: string, current: readonly string[]) => consumeIngestBatch([webhookMessage(shop, "app/scopes_update", JSON.stringify({ current }))]);

  it("shows the re-approve banner when app/scopes_update reports fewer scopes than declared, and clears it when restored", async () => {
    const { shop } = await installShop();
    await scopesUpdate(
      shop,
      DECLARED_SCOPES.filter((s) => s !== "read_all_orders" && s !== "write_discounts"),
    );
    const banner = (await adminJson<BootstrapResponse>(shop, "/bootstrap")).banners.find((b) => b.kind === "scopes");
    expect(banner).toMatchObject({ missingScopes: ["read_all_orders", "write_discounts"] });
    await scopesUpdate(shop, DECLARED_SCOPES);
    expect((await adminJson<BootstrapResponse>(shop, "/bootstrap")).banners).toEqual([]);
  });

  it("quarantines a malformed scopes_update with its reason instead of guessing", async () => {
    const { shop, tenantId } = await installShop();
    await consumeIngestBatch([webhookMessage(shop, "app/scopes_update", JSON.stringify({ nope: true }))]);
    const row = await (await tenantDb(tenantId)).prepare("select reason from quarantine where tenant_id = ? and topic = 'app/scopes_update'").bind(tenantId).first<{ reason: string }>();
    expect(row?.reason).toMatch(/^app\/scopes_update: current /);
  });
});
