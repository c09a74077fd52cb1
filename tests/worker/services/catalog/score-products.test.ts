import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CRONS } from "../../../../worker/crons.ts";
import worker from "../../../../worker/index.ts";
import { scoreProducts } from "../../../../worker/services/catalog/score-products.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { flowPost, lifecycleBody } from "../../../helpers/flow-requests.ts";
import { sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { deliver, simulatedShop } from "../../../helpers/webhook-requests.ts";
import { completeProduct } from "../../../helpers/product-payloads.ts";
import { installEmptyShop } from "../../../helpers/segment-shop.ts";
import { settledMetafieldPush } from "../../../helpers/catalog-shop.ts";
import { seedBulkProduct, seedWebhookProduct, storedScore } from "../../../helpers/seed-products.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const runNightly = () => worker.scheduled(createScheduledController({ cron: CRONS.metafieldPush, scheduledTime: Date.now() }), env, createExecutionContext());

/** The same product as `completeProduct()`, as the bulk export's JSONL lines, with the second image's alt text missing. */
function bulkLines(id: number): Record<string, unknown>[] {
  const rest = completeProduct();
  const parent = `gid://shopify/Product/${id}`;
  const variants = (rest.variants as Record<string, unknown>[]).map((v) => ({ id: `gid://shopify/ProductVariant/${v.id}`, title: v.title, sku: v.sku, barcode: v.barcode, price: v.price, inventoryQuantity: v.inventory_quantity, position: v.position, __parentId: parent }));
  const images = (rest.images as Record<string, unknown>[]).map((image, i) => ({ id: `gid://shopify/ProductImage/${image.id}`, url: image.src, altText: i === 0 ? image.alt : null, __parentId: parent }));
  return [
    { id: parent, title: rest.title, handle: rest.handle, descriptionHtml: rest.body_html, vendor: rest.vendor, productType: rest.product_type, status: "ACTIVE", tags: ["hiking", "winter"], updatedAt: rest.updated_at, options: rest.options },
    ...variants,
    ...images,
  ];
}

describe("storing AI readability scores", () => {
  it("scores a product a products/update webhook delivered, from what the webhook carried", async () => {
    const { sim: client, shop } = await simulatedShop();
    const tenant = await seedTenant({ shop });
    const payload = completeProduct({ id: 7001, options: [{ name: "Title", values: ["Default Title"] }] });
    const { response } = await deliver(client, shop, { topic: "products/update", payloadText: JSON.stringify(payload), via: "https" });
    expect(response.status).toBe(200);
    const row = await waitFor(async () => (await tenantDb(tenant.tenantId)).prepare("select id from products where tenant_id = ? and shopify_product_id = '7001'").bind(tenant.tenantId).first<{ id: string }>(), { what: "product 7001 stored from its webhook" });
    expect(await storedScore(tenant.tenantId, row.id)).toEqual({ score: null, recommendations: null, scoredAt: null });

    const res = await apiFetch(tenant.serverKey, "/products/7001/score", { method: "POST" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { score: number; recommendations: { code: string; points: number }[] };
    expect(body).toMatchObject({ productId: row.id, shopifyProductId: "7001", score: 85, recommendations: [expect.objectContaining({ code: "options_missing", points: 15 })] });
    expect(await storedScore(tenant.tenantId, row.id)).toMatchObject({ score: 85, recommendations: body.recommendations, scoredAt: expect.any(Number) });
  });

  it("scores a backfilled product like the same product from a webhook, in the nightly run, and only once until it changes", async () => {
    const backfilled = await seedTenant();
    const webhooked = await seedTenant();
    const fromBulk = await seedBulkProduct(backfilled.tenantId, bulkLines(7002));
    const fromWebhook = await seedWebhookProduct(webhooked.tenantId, completeProduct({ id: 7002, images: [(completeProduct().images as unknown[])[0], { id: 2002, src: "https://cdn.shopify.com/s/files/socks-worn.jpg", alt: null }] }));

    await runNightly();
    const first = await storedScore(backfilled.tenantId, fromBulk.id);
    expect(first).toMatchObject({ score: 95, recommendations: [{ code: "image_alt_missing", points: 5, message: expect.stringMatching(/^1 of 2 images/) }] });
    expect(await storedScore(webhooked.tenantId, fromWebhook.id)).toEqual({ ...first, scoredAt: expect.any(Number) });

    await runNightly();
    expect((await storedScore(backfilled.tenantId, fromBulk.id))!.scoredAt).toBe(first!.scoredAt);

    await seedWebhookProduct(backfilled.tenantId, completeProduct({ id: 7002, updated_at: "2026-11-02T10:00:00Z" }));
    await runNightly();
    expect(await storedScore(backfilled.tenantId, fromBulk.id)).toMatchObject({ score: 100, recommendations: [] });
  });

  it("leaves another tenant's products and deleted products unscored", async () => {
    const ours = await seedTenant();
    const theirs = await seedTenant();
    const product = await seedWebhookProduct(theirs.tenantId, completeProduct({ id: 7003 }));
    const deleted = await seedWebhookProduct(ours.tenantId, completeProduct({ id: 7004 }));
    await (await tenantDb(ours.tenantId)).prepare("update products set deleted_at = ? where tenant_id = ? and id = ?").bind(Date.now(), ours.tenantId, deleted.id).run();
    const outcome = await scoreProducts({ ctx: await tenantContextOf(ours.tenantId), input: { productIds: [product.id, deleted.id] } });
    expect(outcome).toEqual({ scored: [], dropTriggers: 0 });
    expect((await storedScore(theirs.tenantId, product.id))!.score).toBeNull();
    expect((await storedScore(ours.tenantId, deleted.id))!.score).toBeNull();
  });
});

describe("product AI score dropped trigger", () => {
  const flowTriggers = async (shop: string) => (await sim().state(shop)).flowTriggers.filter((t) => t.handle === "segops-ai-score-dropped");

  it("fires when a product's score drops, not on its first score or a rise, while a workflow uses it", async () => {
    const installed = await installEmptyShop();
    await flowPost("/triggers/lifecycle", lifecycleBody(installed.shop, "segops-ai-score-dropped", true));
    const product = await seedWebhookProduct(installed.tenantId, completeProduct({ id: 7010 }));
    const ctx = await tenantContextOf(installed.tenantId);

    expect((await scoreProducts({ ctx, input: { productIds: [product.id] } })).dropTriggers).toBe(0);
    await seedWebhookProduct(installed.tenantId, completeProduct({ id: 7010, images: [], updated_at: "2026-11-02T10:00:00Z" }));
    await runNightly();
    const [fired] = await waitFor(async () => {
      const triggers = await flowTriggers(installed.shop);
      return triggers.length > 0 ? triggers : null;
    }, { what: "the AI score trigger" });
    expect(fired!.payload).toEqual({ product_id: 7010, "product title": "Merino wool crew socks", "previous score": 100, score: 85 });

    // Once per drop: the next night finds nothing changed, and its push (queued after any trigger) fires nothing.
    const first = await settledMetafieldPush(installed.shop);
    await runNightly();
    await settledMetafieldPush(installed.shop, Date.parse(first.createdAt));
    expect(await flowTriggers(installed.shop)).toHaveLength(1);

    await seedWebhookProduct(installed.tenantId, completeProduct({ id: 7010, updated_at: "2026-11-03T10:00:00Z" }));
    // A trigger fires only from a message the scorer queues: a rise queues none, so the one fired stays alone.
    expect(await scoreProducts({ ctx, input: { productIds: [product.id] } })).toMatchObject({ scored: [{ previousScore: 85, score: 100 }], dropTriggers: 0 });
    expect(await flowTriggers(installed.shop)).toHaveLength(1);
  });

  it("fires nothing for a drop in a shop without an enabled workflow", async () => {
    const installed = await installEmptyShop();
    await flowPost("/triggers/lifecycle", lifecycleBody(installed.shop, "segops-ai-score-dropped", false));
    const product = await seedWebhookProduct(installed.tenantId, completeProduct({ id: 7011 }));
    const ctx = await tenantContextOf(installed.tenantId);
    await scoreProducts({ ctx, input: { productIds: [product.id] } });
    await seedWebhookProduct(installed.tenantId, completeProduct({ id: 7011, images: [], updated_at: "2026-11-02T10:00:00Z" }));
    const dropped = await scoreProducts({ ctx, input: { productIds: [product.id] } });
    expect(dropped).toMatchObject({ scored: [{ previousScore: 100, score: 85 }], dropTriggers: 0 });
    expect(await flowTriggers(installed.shop)).toEqual([]);
  });
});
