import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import { installShop, sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { sendSigned } from "../../../helpers/webhook-requests.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const shopObject = (shop: string) => JSON.stringify({ id: 548380009, name: "Super Toys", domain: shop, myshopify_domain: shop, email: "owner@example.com" });
const tenantStatus = async (tenantId: string) => (await env.DB.prepare("select status from tenants where id = ?").bind(tenantId).first<{ status: string }>())?.status;
const credentialRows = async (tenantId: string) => (await env.DB.prepare("select count(*) n from shop_credentials where tenant_id = ?").bind(tenantId).first<{ n: number }>())?.n;
const quarantined = (tenantId: string, topic: string) =>
  waitFor(async () => (await tenantDb(tenantId)).prepare("select reason from quarantine where tenant_id = ? and topic = ?").bind(tenantId, topic).first<{ reason: string }>(), { what: `${topic} quarantined` });

describe("deliveries whose headers do not match their signed body", () => {
  it("quarantines an order body re-sent as app/uninstalled, and the shop keeps its tokens", async () => {
    const { shop, tenantId } = await installShop();
    expect((await sendSigned({ shop, topic: "app/uninstalled", body: orderText })).status).toBe(200);
    expect((await quarantined(tenantId, "app/uninstalled")).reason).toMatch(/shop/);
    expect(await tenantStatus(tenantId)).toBe("active");
    expect(await credentialRows(tenantId)).toBe(1);
  });

  it("quarantines another shop's app/uninstalled sent under this shop's domain", async () => {
    const [victim, other] = await Promise.all([installShop(), installShop()]);
    expect((await sendSigned({ shop: victim.shop, topic: "app/uninstalled", body: shopObject(other.shop) })).status).toBe(200);
    expect((await quarantined(victim.tenantId, "app/uninstalled")).reason).toMatch(other.shop);
    expect(await tenantStatus(victim.tenantId)).toBe("active");
    expect(await credentialRows(victim.tenantId)).toBe(1);
  });

  it("ignores an app/uninstalled triggered before the shop's latest install", async () => {
    const { shop, tenantId } = await installShop();
    const installedAt = (await env.DB.prepare("select installed_at at from tenants where id = ?").bind(tenantId).first<{ at: number }>())!.at;
    const stale = new Date(installedAt - 60_000).toISOString();
    const res = await sendSigned({ shop, topic: "app/uninstalled", body: shopObject(shop), triggeredAt: stale });
    expect(res.status).toBe(200);
    await waitFor(async () => (await tenantDb(tenantId)).prepare("select 1 from deliveries where tenant_id = ? and topic = 'app/uninstalled'").bind(tenantId).first(), { what: "the stale uninstall recorded" });
    expect(await tenantStatus(tenantId)).toBe("active");
    expect(await credentialRows(tenantId)).toBe(1);
    // A current one still uninstalls, once Shopify confirms it (the uninstall revokes the token).
    await sim().uninstall(shop);
    await sendSigned({ shop, topic: "app/uninstalled", body: shopObject(shop) });
    await waitFor(async () => (await tenantStatus(tenantId)) === "uninstalled", { what: "the tenant uninstalled" });
    expect(await credentialRows(tenantId)).toBe(0);
  });

  it.each([
    ["customers/redact", (other: string) => JSON.stringify({ shop_id: 1, shop_domain: other, customer: { id: 191167 }, orders_to_redact: [] })],
    ["shop/redact", (other: string) => JSON.stringify({ shop_id: 1, shop_domain: other })],
    ["shop/redact", () => orderText],
  ])("quarantines a %s whose body names another shop or is not a compliance payload, recording no request", async (topic, body) => {
    const [victim, other] = await Promise.all([installShop(), installShop()]);
    const res = await sendSigned({ shop: victim.shop, topic, body: body(other.shop), compliance: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { outcome: string }).outcome).toBe("quarantined");
    expect((await quarantined(victim.tenantId, topic)).reason).toMatch(/shop_domain/);
    const requests = await env.DB.prepare("select count(*) n from privacy_requests where tenant_id = ?").bind(victim.tenantId).first<{ n: number }>();
    expect(requests?.n).toBe(0);
  });
});
