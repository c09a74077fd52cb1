import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BootstrapResponse } from "../../../../worker/routes/admin/get-bootstrap.ts";
import { DATA_WEBHOOK_TOPICS } from "../../../../worker/services/install/ensure-webhook-subscriptions.ts";
import { waitForBackfill } from "../../../helpers/backfill.ts";
import { adminFetch, adminJson, appFetch, createSimShop, installShop, sim, waitForSetup, APP_ORIGIN } from "../../../helpers/harness.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

describe("managed install", () => {
  it("provisions tenant, keys, webhooks, pixel, metafield definitions and the backfill request", async () => {
    const shop = await createSimShop();
    const first = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    expect(first.tenant).toMatchObject({ slug: shop.split(".")[0], shop, status: "installing" });

    const setup = await waitForSetup(shop);
    expect(setup.steps.map((s) => [s.key, s.status])).toEqual([
      ["keys", "done"],
      ["webhooks", "done"],
      ["pixel", "done"],
      ["metafields", "done"],
      ["backfill", "done"],
    ]);

    const state = await sim().state(shop);
    expect(state.webhookSubscriptions.map((s) => s.topic).sort()).toEqual([...DATA_WEBHOOK_TOPICS].sort());
    expect(new Set(state.webhookSubscriptions.map((s) => s.uri))).toEqual(new Set([`${APP_ORIGIN}/webhooks`]));
    const after = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    expect(after.tenant.status).toBe("active");
    expect(after.keys.public?.key).toMatch(/^pk_live_/);
    expect(state.webPixel?.settings).toEqual({ publicKey: after.keys.public!.key, collectorUrl: APP_ORIGIN });
    expect(state.metafieldDefinitions.map((d) => `${d.namespace}.${d.key}:${d.type}`).sort()).toEqual([
      `app--${env.SHOPIFY_API_KEY}--segops.ai_readability_score:number_integer`,
      `app--${env.SHOPIFY_API_KEY}--segops.ai_recommendations:json`,
      `app--${env.SHOPIFY_API_KEY}--segops.mention_count_30d:number_integer`,
      `app--${env.SHOPIFY_API_KEY}--segops.segment_memberships:list.single_line_text_field`,
    ]);
    const job = await (await tenantDb(first.tenant.id)).prepare("select kind, status from jobs where tenant_id = ?").bind(first.tenant.id).first();
    expect(job).toMatchObject({ kind: "backfill" });
  });

  it("stores the offline token encrypted, never in clear", async () => {
    const { tenantId } = await installShop();
    const row = await env.DB.prepare("select * from shop_credentials where tenant_id = ?").bind(tenantId).first<Record<string, string>>();
    expect(row?.access_token_ciphertext).toMatch(/^v1\./);
    expect(row?.refresh_token_ciphertext).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toMatch(/shpat_|shpua_/);
  });

  it("shows the server key exactly once, and it authenticates the public API", async () => {
    const { shop, serverKey, bootstrap } = await installShop();
    expect(serverKey).toMatch(/^sk_live_/);
    expect(bootstrap.keys.server).toMatchObject({ revealable: false });
    const again = await adminFetch(shop, "/keys/server/reveal", { method: "POST" });
    expect(again.status).toBe(410);
    const link = await appFetch("/v1/connect-links", { method: "POST", headers: { Authorization: `Bearer ${serverKey}` } });
    expect(link.status).toBe(201);
  });

  it("creates nothing new when the app is opened again", async () => {
    const { shop } = await installShop();
    // The install's backfill calls Shopify until its job finishes; only then is the shop quiet enough to compare.
    await waitForBackfill(shop);
    const before = await sim().state(shop);
    await adminJson(shop, "/bootstrap");
    await adminJson(shop, "/bootstrap");
    const after = await sim().state(shop);
    expect(after.tokens.exchanged).toBe(before.tokens.exchanged);
    expect(after.webhookSubscriptions).toHaveLength(before.webhookSubscriptions.length);
    expect(after.graphqlCalls).toEqual(before.graphqlCalls);
    const keys = await env.DB.prepare("select count(*) n from api_keys where tenant_id = (select id from tenants where shop_domain = ?)").bind(shop).first();
    expect(keys).toEqual({ n: 2 });
  });
});
