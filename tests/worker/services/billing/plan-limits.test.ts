import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { FLOW_ACTIONS } from "../../../../worker/services/flow/flow-handles.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { actionBody, flowPost } from "../../../helpers/flow-requests.ts";
import { grantPlan } from "../../../helpers/grant-plan.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../../../helpers/pixel-collector.ts";
import { storedEvents } from "../../../helpers/read-ingested.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

type PlanLimitBody = { error: { code: string; message: string; requestId?: string; details: { limit: string; plan: string; allowed: number | boolean; used: number | null; upgradeTo: string | null } } };

const segment = (name: string, pushMode = "none") => ({ method: "POST", body: { name, kind: "customer", query: "orders_count >= 1", pushMode } });
const period = () => new Date().toISOString().slice(0, 7);
const counter = async (tenantId: string) => (await tenantDb(tenantId)).prepare("select events from usage_counters where tenant_id = ? and period = ?").bind(tenantId, period()).first<{ events: number }>();

describe("a Starter workspace filled to its limits", () => {
  it("creates its 3 segments, then answers 402 plan_limit naming the limit; an upgrade applies at once", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    for (const name of ["One", "Two", "Three"]) expect((await apiFetch(tenant.serverKey, "/segments", segment(name))).status).toBe(201);
    const refused = await apiFetch(tenant.serverKey, "/segments", segment("Four"));
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as PlanLimitBody;
    expect(body.error).toMatchObject({ code: "plan_limit", details: { limit: "segments", plan: "starter", allowed: 3, used: 3, upgradeTo: "growth" } });
    expect(body.error.message).toContain("Upgrade to Growth");
    expect(body.error.requestId).toBeTruthy();
    const { n } = (await (await tenantDb(tenant.tenantId)).prepare("select count(*) as n from segments where tenant_id = ?").bind(tenant.tenantId).first<{ n: number }>())!;
    expect(n).toBe(3);

    await grantPlan(tenant.tenantId, "growth");
    expect((await apiFetch(tenant.serverKey, "/segments", segment("Four"))).status).toBe(201);
  });

  it("refuses native Shopify segments on create and on update, and leaves tag pushes alone", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    const native = await apiFetch(tenant.serverKey, "/segments", segment("Native", "native"));
    expect(native.status).toBe(402);
    expect(((await native.json()) as PlanLimitBody).error.details).toMatchObject({ limit: "nativeSegmentPush", allowed: false, used: null });
    expect((await apiFetch(tenant.serverKey, "/segments", segment("Tags", "tags"))).status).toBe(201);
    const update = await apiFetch(tenant.serverKey, "/segments/tags", { method: "PATCH", body: { pushMode: "native" } });
    expect(update.status).toBe(402);
    expect(((await update.json()) as PlanLimitBody).error.code).toBe("plan_limit");
  });

  it("answers Flow actions 402 plan_limit before claiming the run, so Flow's retry after an upgrade runs it", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    await apiFetch(tenant.serverKey, "/segments", segment("Buyers"));
    const request = actionBody(tenant.shop, FLOW_ACTIONS.recomputeSegment, { segment_slug: "buyers" });
    const refused = await flowPost(`/actions/${FLOW_ACTIONS.recomputeSegment}`, request);
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as PlanLimitBody).error).toMatchObject({ code: "plan_limit", details: { limit: "flow", upgradeTo: "growth" } });
    const claimed = await (await tenantDb(tenant.tenantId)).prepare("select count(*) as n from flow_action_runs where action_run_id = ?").bind(request.action_run_id).first<{ n: number }>();
    expect(claimed!.n).toBe(0);
  });

  it("counts the month's events once per batch; past the limit it stops storefront browsing but keeps cart, checkout and every webhook", async () => {
    const tenant = await seedTenant({ plan: "starter" });
    const events = ownPixelEvents("visitor-1");
    await consumeIngestBatch([pixelMessage(tenant, "visitor-1", events)]);
    const first = await storedEvents(tenant.tenantId);
    const stored = first.length;
    expect(first.map((event) => event.name)).toEqual(expect.arrayContaining(["page_view", "product_view", "add_to_cart"]));
    expect((await counter(tenant.tenantId))!.events).toBe(stored);
    // A redelivery stores and counts nothing more.
    await consumeIngestBatch([pixelMessage(tenant, "visitor-1", events)]);
    expect((await counter(tenant.tenantId))!.events).toBe(stored);

    await (await tenantDb(tenant.tenantId)).prepare("update usage_counters set events = 10000 where tenant_id = ? and period = ?").bind(tenant.tenantId, period()).run();
    const later = ownPixelEvents("visitor-2");
    await consumeIngestBatch([pixelMessage(tenant, "visitor-2", later)]);
    const second = (await storedEvents(tenant.tenantId)).filter((event) => event.anonymous_id === "visitor-2").map((event) => event.name);
    expect(second.length).toBeGreaterThan(0);
    expect(second).not.toContain("page_view");
    expect(second).not.toContain("product_view");
    // Checkout steps share their checkout's key with the first visit's: only the cart event is new.
    expect(second).toEqual(["add_to_cart"]);

    await consumeIngestBatch([webhookMessage(tenant.shop, "orders/create", orderText)]);
    expect((await storedEvents(tenant.tenantId)).some((event) => event.source === "webhook")).toBe(true);
  });
});
