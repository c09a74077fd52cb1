import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, shopWithToken, startTestSimulator, type TestSimulator } from "./harness.ts";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const SET = `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value } userErrors { code elementIndex field message } } }`;
const PRODUCT_SET = `mutation($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
  productSet(input: $input, synchronous: true, identifier: $identifier) { product { id handle title variants(first: 5) { nodes { sku price selectedOptions { name value } } } } userErrors { code field message } }
}`;

describe("metafieldsSet on products", () => {
  it("announces a changed product with products/update and a new updated_at, once, and not for an unchanged value", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const { data } = await graphql(`{ products(first: 1) { nodes { id updatedAt } } }`);
    const { id, updatedAt } = data!.products.nodes[0];
    await sim.client.outbox(shop);
    const score = { ownerId: id, namespace: "$app:segops", key: "ai_readability_score", type: "number_integer", value: "61" };
    const recommendations = { ...score, key: "ai_recommendations", type: "json", value: "[]" };
    expect((await graphql(SET, { m: [score, recommendations] })).data!.metafieldsSet.userErrors).toEqual([]);
    await sim.client.settled();
    const updates = (await sim.client.outbox(shop)).filter((d) => d.topic === "products/update");
    expect(updates).toHaveLength(1);
    expect(Date.parse(JSON.parse(updates[0]!.body).updated_at)).toBeGreaterThanOrEqual(Date.parse(updatedAt));

    await graphql(SET, { m: [score] });
    await sim.client.settled();
    expect(await sim.client.outbox(shop)).toEqual([]);
  });

  it("refuses another app's reserved namespace and a missing owner with Shopify's codes, writing nothing", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const { data } = await graphql(`{ products(first: 1) { nodes { id } } }`);
    const good = { ownerId: data!.products.nodes[0].id, namespace: "$app:segops", key: "mention_count_30d", type: "number_integer", value: "3" };
    const answer = await graphql(SET, {
      m: [good, { ...good, namespace: "app--someone-else--x" }, { ...good, ownerId: "gid://shopify/Product/1" }, { ...good, type: "list.single_line_text_field", value: "{}" }],
    });
    expect(answer.data!.metafieldsSet.userErrors.map((e: { code: string; elementIndex: number }) => [e.code, e.elementIndex])).toEqual([
      ["APP_NOT_AUTHORIZED", 1],
      ["INVALID", 2],
      ["INVALID_VALUE", 3],
    ]);
    expect(answer.extensions!.cost.actualQueryCost).toBe(10);
    expect((await sim.client.state(shop)).metafields).toEqual({});
  });
});

describe("productSet", () => {
  it("creates with options and variants, updates by handle, and delivers products/create then products/update", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await sim.client.outbox(shop);
    const input = {
      title: "Trail mug",
      handle: "trail-mug",
      descriptionHtml: "<p>Enamel mug.</p>",
      productOptions: [{ name: "Color", values: [{ name: "Red" }, { name: "Blue" }] }],
      variants: [
        { optionValues: [{ optionName: "Color", name: "Red" }], price: "12.50", sku: "MUG-R" },
        { optionValues: [{ optionName: "Color", name: "Blue" }], price: "12.50", sku: "MUG-B" },
      ],
      seo: { title: "Trail mug in enamel", description: null },
    };
    const created = await graphql(PRODUCT_SET, { input });
    expect(created.data!.productSet.userErrors).toEqual([]);
    const product = created.data!.productSet.product;
    expect(product).toMatchObject({ handle: "trail-mug", title: "Trail mug" });
    expect(product.variants.nodes.map((v: { sku: string }) => v.sku)).toEqual(["MUG-R", "MUG-B"]);

    const updated = await graphql(PRODUCT_SET, { input: { ...input, title: "Trail mug, enamel" }, identifier: { handle: "trail-mug" } });
    expect(updated.data!.productSet.product.id).toBe(product.id);
    await sim.client.settled();
    expect((await sim.client.outbox(shop)).map((d) => d.topic)).toEqual(["products/create", "products/update"]);
  });

  it("answers Shopify's userErrors for a blank title, an unknown option value, a taken handle and a missing product", async () => {
    const { graphql } = await shopWithToken(sim);
    const { data } = await graphql(`{ products(first: 1) { nodes { handle } } }`);
    const codes = async (variables: Record<string, unknown>) => (await graphql(PRODUCT_SET, variables)).data!.productSet.userErrors.map((e: { code: string }) => e.code);
    expect(await codes({ input: { title: " " } })).toEqual(["INVALID_PRODUCT"]);
    expect(await codes({ input: { title: "A", productOptions: [{ name: "Size", values: [{ name: "S" }] }], variants: [{ optionValues: [{ optionName: "Size", name: "XL" }] }] } })).toEqual([
      "OPTION_VALUE_DOES_NOT_EXIST",
    ]);
    expect(await codes({ input: { title: "A", handle: data!.products.nodes[0].handle } })).toEqual(["HANDLE_NOT_UNIQUE"]);
    expect(await codes({ input: { title: "A" }, identifier: { id: "gid://shopify/Product/1" } })).toEqual(["PRODUCT_DOES_NOT_EXIST"]);
  });
});

describe("webhook subscriptions asking for metafields", () => {
  it("carries the SEO title and description as global metafields in products/update", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const subscribe = `mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { userErrors { message } } }`;
    const metafields = [{ namespace: "global", key: "title_tag" }, { namespace: "global", key: "description_tag" }];
    await graphql(subscribe, { topic: "PRODUCTS_UPDATE", sub: { uri: `${APP.appUrl}/webhooks`, format: "JSON", metafields } });
    const created = await graphql(PRODUCT_SET, { input: { title: "Socks", seo: { title: "Merino socks", description: "Warm merino socks for hiking and everyday wear." } } });
    const id = created.data!.productSet.product.id;
    await sim.client.settled();
    await sim.client.outbox(shop);
    await graphql(PRODUCT_SET, { input: { title: "Socks, merino" }, identifier: { id } });
    await sim.client.settled();
    const [update] = (await sim.client.outbox(shop)).filter((d) => d.topic === "products/update");
    const body = JSON.parse(update!.body) as { metafields: { namespace: string; key: string; value: string }[] };
    expect(body.metafields.map(({ namespace, key, value }) => ({ namespace, key, value }))).toEqual([
      { namespace: "global", key: "title_tag", value: "Merino socks" },
      { namespace: "global", key: "description_tag", value: "Warm merino socks for hiking and everyday wear." },
    ]);
  });
});
