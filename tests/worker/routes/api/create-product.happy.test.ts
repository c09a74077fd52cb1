import { describe, expect, it } from "vitest";
import type { CreateProductResponse } from "../../../../worker/routes/api/create-product.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { deliverOutbox } from "../../../helpers/catalog-shop.ts";
import { installOutboundShop, outboundRows, settledOutbound, shopifyProduct } from "../../../helpers/catalog-out.ts";
import { adminJson, appFetch, sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";

const MUG = {
  handle: "trail-mug",
  title: "Trail mug",
  descriptionHtml: "<p>Enamel camping mug.</p>",
  vendor: "Acme",
  productType: "Mugs",
  tags: ["camping", "enamel"],
  seo: { title: "Trail mug, enamel, 350 ml" },
  options: [{ name: "Color", values: ["Red", "Blue"] }],
  variants: [
    { options: ["Red"], price: "19.50", sku: "MUG-R" },
    { options: ["Blue"], price: 21, sku: "MUG-B", barcode: "0001112223334" },
  ],
};

function postProduct(key: string, body: unknown, idempotencyKey?: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  return appFetch("/v1/products", { method: "POST", headers, body: JSON.stringify(body) });
}

describe("POST /v1/products (catalog out)", () => {
  it("answers 202 at once, creates the product in Shopify with productSet and links it; the products/create it causes pushes nothing again", async () => {
    const installed = await installOutboundShop();
    const res = await postProduct(installed.serverKey, MUG);
    expect(res.status, await res.clone().text()).toBe(202);
    const created = (await res.json()) as CreateProductResponse;
    expect(created.product).toMatchObject({ id: expect.stringMatching(/^prd_/), handle: "trail-mug", shopifyProductId: null, outbound: { state: "pending", error: null } });

    const [row] = await settledOutbound(installed.tenantId, 1);
    expect(row).toMatchObject({ id: created.product.id, origin: "segops", outbound_state: "pushed", outbound_error: null, shopify_product_id: expect.stringMatching(/^\d+$/) });
    const inShopify = await shopifyProduct(installed.tenantId, row!.shopify_product_id!);
    expect(inShopify).toMatchObject({ title: "Trail mug", handle: "trail-mug", status: "ACTIVE", vendor: "Acme" });
    expect(inShopify!.variants.nodes.map((v) => [v.sku, Number(v.price), v.selectedOptions[0]!.value])).toEqual([["MUG-R", 19.5, "Red"], ["MUG-B", 21, "Blue"]]);
    const calls = (await sim().state(installed.shop)).graphqlCalls.productSet;
    expect(calls).toBe(1);

    // The echo: Shopify's products/create reaches the ingest, lands on the linked product, and queues no push.
    expect(await deliverOutbox(installed.shop)).toContain("products/create");
    await waitFor(async () => {
      const rows = await outboundRows(installed.tenantId);
      return rows.length === 1 && rows[0]!.title === "Trail mug" ? rows : null;
    }, { what: "the echoed products/create stored" });
    const sourced = await waitFor(
      async () => (await apiFetch(installed.serverKey, `/products/${row!.shopify_product_id}/score`)).status === 200 || null,
      { what: "the product found by its Shopify id" },
    );
    expect(sourced).toBe(true);
    await sim().settled();
    expect((await sim().state(installed.shop)).graphqlCalls.productSet).toBe(calls);
    expect(await outboundRows(installed.tenantId)).toEqual([expect.objectContaining({ id: created.product.id, outbound_state: "pushed" })]);
    expect(await sim().outbox(installed.shop)).toEqual([]);
  });

  it("updates the product with the same handle, in SegOps and in Shopify, by its Shopify id once linked", async () => {
    const installed = await installOutboundShop();
    expect((await postProduct(installed.serverKey, MUG)).status).toBe(202);
    const [first] = await settledOutbound(installed.tenantId, 1);
    const res = await postProduct(installed.serverKey, { ...MUG, title: "Trail mug, enamel", variants: [{ options: ["Red"], price: 18, sku: "MUG-R" }], options: [{ name: "Color", values: ["Red"] }] });
    expect(res.status).toBe(202);
    expect(((await res.json()) as CreateProductResponse).product).toMatchObject({ id: first!.id, shopifyProductId: first!.shopify_product_id });
    await waitFor(async () => {
      const rows = await outboundRows(installed.tenantId);
      return rows[0]?.outbound_state === "pushed" && rows[0].title === "Trail mug, enamel" ? rows : null;
    }, { what: "the update pushed" });
    const inShopify = await shopifyProduct(installed.tenantId, first!.shopify_product_id!);
    expect(inShopify).toMatchObject({ title: "Trail mug, enamel" });
    expect(inShopify!.variants.nodes.map((v) => v.sku)).toEqual(["MUG-R"]);
    expect(await outboundRows(installed.tenantId)).toHaveLength(1);
  });

  it("replays the first answer for the same Idempotency-Key and body, and refuses the key with another body", async () => {
    const installed = await installOutboundShop();
    const first = await postProduct(installed.serverKey, MUG, "order-42");
    expect(first.status).toBe(202);
    const firstBody = await first.json();
    // The same body with its keys in another order is the same request.
    const { title, handle, ...rest } = MUG;
    const again = await postProduct(installed.serverKey, { ...rest, handle, title }, "order-42");
    expect(again.status).toBe(202);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);
    const other = await postProduct(installed.serverKey, { ...MUG, title: "Another mug" }, "order-42");
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("order-42"), requestId: expect.any(String) } });
    await settledOutbound(installed.tenantId, 1);
    expect((await sim().state(installed.shop)).graphqlCalls.productSet).toBe(1);
    expect(await outboundRows(installed.tenantId)).toEqual([expect.objectContaining({ title: "Trail mug" })]);
  });

  it("keeps Shopify's refusal on the product (failed, with its userErrors)", async () => {
    const installed = await installOutboundShop();
    await postProduct(installed.serverKey, MUG);
    const [mug] = await settledOutbound(installed.tenantId, 1);
    // Deleted in Shopify, its products/delete not delivered yet: the update by Shopify id is refused.
    await sim().deleteProduct(installed.shop, mug!.shopify_product_id!, { emit: false });
    expect((await postProduct(installed.serverKey, { ...MUG, title: "Trail mug 2" })).status).toBe(202);
    const refused = await waitFor(async () => {
      const rows = await outboundRows(installed.tenantId);
      return rows[0]?.outbound_state === "failed" ? rows : null;
    }, { what: "the refusal recorded" });
    expect(refused[0]).toMatchObject({ id: mug!.id, outbound_error: "PRODUCT_DOES_NOT_EXIST (input.id): Product does not exist" });
    const listed = await adminJson<{ data: { id: string; outbound: unknown }[] }>(installed.shop, "/products");
    expect(listed.data.find((p) => p.id === mug!.id)?.outbound).toEqual({ state: "failed", error: "PRODUCT_DOES_NOT_EXIST (input.id): Product does not exist" });
  });
});
