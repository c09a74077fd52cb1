import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BootstrapResponse } from "../../../../worker/routes/admin/get-bootstrap.ts";
import { handleLifecycleTopic } from "../../../../worker/services/lifecycle/handle-lifecycle-topic.ts";
import { DATA_WEBHOOK_TOPICS } from "../../../../worker/services/install/steps/subscribe-webhooks.ts";
import { DECLARED_SCOPES } from "../../../../worker/shopify/scopes.ts";
import { adminFetch, adminJson, installShop, sim, waitForSetup } from "../../../helpers/harness.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";

describe("uninstall and reinstall", () => {
  it("drops tokens, stops queued work and keeps the data on app/uninstalled", async () => {
    const { shop, tenantId } = await installShop();
    await sim().uninstall(shop);
    expect(await handleLifecycleTopic(tenantContextOf(tenantId), "app/uninstalled", { myshopify_domain: shop })).toEqual({ handled: true });
    const tenant = await env.DB.prepare("select status, uninstalled_at from tenants where id = ?").bind(tenantId).first<{ status: string; uninstalled_at: number }>();
    expect(tenant?.status).toBe("uninstalled");
    expect(await env.DB.prepare("select count(*) n from shop_credentials where tenant_id = ?").bind(tenantId).first()).toEqual({ n: 0 });
    expect(await env.DB.prepare("select status from jobs where tenant_id = ? and kind = 'backfill'").bind(tenantId).first()).toEqual({ status: "cancelled" });
    expect(await env.DB.prepare("select count(*) n from api_keys where tenant_id = ?").bind(tenantId).first()).toEqual({ n: 2 });
    expect((await adminFetch(shop, "/setup")).status).toBe(409);
  });

  it("restores the same tenant, with its keys, when the shop installs again before shop/redact", async () => {
    const { shop, tenantId, publicKey } = await installShop();
    await sim().uninstall(shop);
    await handleLifecycleTopic(tenantContextOf(tenantId), "app/uninstalled", {});
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
  });
});

describe("scopes", () => {
  it("shows the re-approve banner when app/scopes_update reports fewer scopes than declared, and clears it when restored", async () => {
    const { shop, tenantId } = await installShop();
    const reduced = DECLARED_SCOPES.filter((s) => s !== "read_all_orders" && s !== "write_discounts");
    await handleLifecycleTopic(tenantContextOf(tenantId), "app/scopes_update", { current: reduced });
    const banner = (await adminJson<BootstrapResponse>(shop, "/bootstrap")).banners.find((b) => b.kind === "scopes");
    expect(banner).toMatchObject({ missingScopes: ["read_all_orders", "write_discounts"] });
    await handleLifecycleTopic(tenantContextOf(tenantId), "app/scopes_update", { current: [...DECLARED_SCOPES] });
    expect((await adminJson<BootstrapResponse>(shop, "/bootstrap")).banners).toEqual([]);
  });

  it("leaves a malformed scopes_update unhandled with a reason instead of guessing", async () => {
    const { tenantId } = await installShop();
    expect(await handleLifecycleTopic(tenantContextOf(tenantId), "app/scopes_update", { nope: true })).toMatchObject({ handled: false });
  });
});
