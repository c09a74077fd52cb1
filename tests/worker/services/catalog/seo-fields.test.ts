import { describe, expect, it } from "vitest";
import { scoreProducts } from "../../../../worker/services/catalog/score-products.ts";
import { completeProduct } from "../../../helpers/product-payloads.ts";
import { seedBulkProduct, seedWebhookProduct, storedScore } from "../../../helpers/seed-products.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const storedSeo = async (tenantId: string, productId: string) => {
  const row = await (await tenantDb(tenantId)).prepare("SELECT json_extract(data, '$.seo') AS seo FROM products WHERE tenant_id = ? AND id = ?").bind(tenantId, productId).first<{ seo: string | null }>();
  return row?.seo === null || row?.seo === undefined ? null : (JSON.parse(row.seo) as unknown);
};
const seoMetafields = (title: string | null, description: string | null) => [
  ...(title === null ? [] : [{ namespace: "global", key: "title_tag", value: title, type: "single_line_text_field" }]),
  ...(description === null ? [] : [{ namespace: "global", key: "description_tag", value: description, type: "multi_line_text_field" }]),
];
const codes = async (tenantId: string, productId: string) => {
  await scoreProducts({ ctx: await tenantContextOf(tenantId), input: { productIds: [productId] } });
  return ((await storedScore(tenantId, productId))!.recommendations as { code: string }[]).map((r) => r.code);
};

describe("SEO title and meta description", () => {
  it("are read from the products/update metafields, and the scorer judges them instead of its fallback", async () => {
    const { tenantId } = await seedTenant();
    const product = await seedWebhookProduct(tenantId, completeProduct({ id: 9201, metafields: seoMetafields("Socks", "Warm.") }));
    expect(await storedSeo(tenantId, product.id)).toEqual({ title: "Socks", description: "Warm." });
    expect(await codes(tenantId, product.id)).toEqual(["seo_title_too_short", "seo_description_too_short"]);

    // A payload whose subscription carries no metafields says nothing about SEO: what SegOps has stays.
    await seedWebhookProduct(tenantId, completeProduct({ id: 9201, title: "Merino wool crew socks, grey", updated_at: "2026-11-02T10:00:00Z" }));
    expect(await storedSeo(tenantId, product.id)).toEqual({ title: "Socks", description: "Warm." });

    // One that carries metafields without the SEO ones says they were cleared.
    await seedWebhookProduct(tenantId, completeProduct({ id: 9201, metafields: [], updated_at: "2026-11-03T10:00:00Z" }));
    expect(await storedSeo(tenantId, product.id)).toEqual({ title: null, description: null });
    expect(await codes(tenantId, product.id)).toEqual([]);
  });

  it("are read from the bulk export's seo field like the webhook's", async () => {
    const { tenantId } = await seedTenant();
    const parent = "gid://shopify/Product/9202";
    const product = await seedBulkProduct(tenantId, [
      { id: parent, title: "Merino wool crew socks", handle: "socks", descriptionHtml: "<p>Warm socks.</p>", status: "ACTIVE", tags: [], updatedAt: "2026-11-01T10:00:00Z", seo: { title: "Socks", description: null } },
    ]);
    expect(await storedSeo(tenantId, product.id)).toEqual({ title: "Socks", description: null });
    expect(await codes(tenantId, product.id)).toContain("seo_title_too_short");
  });
});
