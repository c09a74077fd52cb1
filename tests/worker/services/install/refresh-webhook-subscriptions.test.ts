import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ensureWebhookSubscriptions } from "../../../../worker/services/install/ensure-webhook-subscriptions.ts";
import { waitForBackfill } from "../../../helpers/backfill.ts";
import { adminJson, installShop, sim } from "../../../helpers/harness.ts";
import { adminContext } from "../../../helpers/service-context.ts";

const SEO = [
  { namespace: "global", key: "title_tag" },
  { namespace: "global", key: "description_tag" },
];

const productSubscriptions = async (shop: string) =>
  (await sim().state(shop)).webhookSubscriptions.filter((s) => s.topic === "PRODUCTS_CREATE" || s.topic === "PRODUCTS_UPDATE");

const revisionOf = async (tenantId: string) => (await env.DB.prepare("select webhooks_revision r from tenants where id = ?").bind(tenantId).first<{ r: number }>())?.r;

/** Puts the shop back as an install made before products/* asked for the SEO metafields left it. */
async function makeOldInstall(shop: string, tenantId: string): Promise<void> {
  const admin = (await adminContext(tenantId)).admin;
  for (const subscription of await productSubscriptions(shop)) {
    const strip = await admin.request<{ webhookSubscriptionUpdate: { userErrors: unknown[] } }>(
      `mutation StripMetafields($id: ID!) { webhookSubscriptionUpdate(id: $id, webhookSubscription: { metafields: [] }) { userErrors { field message } } }`,
      { id: subscription.id },
    );
    expect(strip.ok && strip.value.webhookSubscriptionUpdate.userErrors).toEqual([]);
  }
  await env.DB.prepare("update tenants set webhooks_revision = 0 where id = ?").bind(tenantId).run();
}

describe("re-subscribing installs made before the SEO metafields", () => {
  it("install subscribes products/* with the SEO metafields at the current revision", async () => {
    const { shop, tenantId } = await installShop();
    const subscriptions = await productSubscriptions(shop);
    expect(subscriptions).toHaveLength(2);
    for (const subscription of subscriptions) expect(subscription.metafields).toEqual(SEO);
    expect(await revisionOf(tenantId)).toBe(1);
  });

  it("the next admin load updates the old subscriptions in place, once", async () => {
    const { shop, tenantId } = await installShop();
    await waitForBackfill(shop);
    await makeOldInstall(shop, tenantId);
    const before = await sim().state(shop);
    expect((await productSubscriptions(shop)).map((s) => s.metafields)).toEqual([[], []]);

    await adminJson(shop, "/bootstrap");
    const after = await sim().state(shop);
    const updated = await productSubscriptions(shop);
    expect(updated.map((s) => s.metafields)).toEqual([SEO, SEO]);
    expect(after.webhookSubscriptions.map((s) => s.id).sort()).toEqual(before.webhookSubscriptions.map((s) => s.id).sort());
    expect((after.graphqlCalls.webhookSubscriptionUpdate ?? 0) - (before.graphqlCalls.webhookSubscriptionUpdate ?? 0)).toBe(2);
    expect(after.graphqlCalls.webhookSubscriptionCreate ?? 0).toBe(before.graphqlCalls.webhookSubscriptionCreate ?? 0);
    expect(await revisionOf(tenantId)).toBe(1);

    await adminJson(shop, "/bootstrap");
    expect((await sim().state(shop)).graphqlCalls).toEqual(after.graphqlCalls);
  });

  it("keeps metafields a subscription already has and changes nothing when run again", async () => {
    const { shop, tenantId } = await installShop();
    const admin = (await adminContext(tenantId)).admin;
    const [first] = await productSubscriptions(shop);
    const custom = { namespace: "custom", key: "material" };
    await admin.request(`mutation Keep($id: ID!, $m: [HasMetafieldsMetafieldIdentifierInput!]) { webhookSubscriptionUpdate(id: $id, webhookSubscription: { metafields: $m }) { userErrors { message } } }`, {
      id: first!.id,
      m: [custom],
    });
    const ctx = await adminContext(tenantId);
    const once = await ensureWebhookSubscriptions({ ctx });
    expect(once).toMatchObject({ ok: true, detail: expect.stringContaining("(0 new, 1 updated)") });
    expect((await productSubscriptions(shop)).find((s) => s.id === first!.id)?.metafields).toEqual([custom, ...SEO]);
    const twice = await ensureWebhookSubscriptions({ ctx });
    expect(twice).toMatchObject({ ok: true, detail: expect.stringContaining("(0 new)") });
  });
});
