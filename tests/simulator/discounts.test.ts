import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployedFunctions } from "../../scripts/build-discount-function.ts";
import { startSimulator, type StartedSimulator } from "../../simulator/index.ts";
import { APP, exchangeToken, FIXED_NOW, graphqlFor, PUBSUB, SMALL } from "./harness.ts";

const SAVE = `mutation ($discount: DiscountAutomaticAppInput!) { discountAutomaticAppCreate(automaticAppDiscount: $discount) {
  automaticAppDiscount { discountId title status discountClasses combinesWith { orderDiscounts } } userErrors { field message code } } }`;
const UPDATE = `mutation ($id: ID!, $discount: DiscountAutomaticAppInput!) { discountAutomaticAppUpdate(id: $id, automaticAppDiscount: $discount) {
  automaticAppDiscount { discountId title } userErrors { field message code } } }`;
const DELETE = `mutation ($id: ID!) { discountAutomaticDelete(id: $id) { deletedAutomaticDiscountId userErrors { field message code } } }`;
const TAG = `mutation ($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { userErrors { message } } }`;
const UNTAG = `mutation ($id: ID!, $tags: [String!]!) { tagsRemove(id: $id, tags: $tags) { userErrors { message } } }`;

let sim: StartedSimulator;
beforeAll(async () => {
  const app = { ...APP, scopes: [...APP.scopes, "write_discounts"] };
  sim = await startSimulator({ app, pubsub: PUBSUB, delivery: "outbox", functions: await deployedFunctions() });
});
afterAll(() => sim.close());

async function shopWithDiscountScope() {
  const created = await fetch(`${sim.url}/_sim/shops`, { method: "POST", body: JSON.stringify({ seed: "discounts", now: FIXED_NOW, size: SMALL }) });
  const { shop } = (await created.json()) as { shop: string };
  const { body } = await exchangeToken(sim.url, shop);
  const state = (await (await fetch(`${sim.url}/_sim/shops/${shop}/state`)).json()) as any;
  const graphql = graphqlFor(sim.url, shop, body.access_token);
  const products = (await graphql(`{ products(first: 3) { nodes { id variants(first: 1) { nodes { id price } } } } }`)).data!.products.nodes;
  const customers = (await graphql(`{ customers(first: 2) { nodes { id } } }`)).data!.customers.nodes.map((c: { id: string }) => c.id);
  return { shop, graphql, state, products, customers };
}

const configuration = (rules: object[]) => JSON.stringify({ tags: ["segops:vip"], collectionIds: [], rules });
const VIP_RULE = { id: "dsc_a", tags: ["segops:vip"], message: "VIP 10%", p: "10", on: "order", ids: [] };
const discountInput = (overrides: object = {}) => ({
  title: "SegOps: VIP 10%",
  functionHandle: "segops-discount",
  discountClasses: ["ORDER", "PRODUCT"],
  metafields: [{ namespace: "$app:segops-discount", key: "function-configuration", type: "json", value: configuration([VIP_RULE]) }],
  ...overrides,
});

async function evaluate(shop: string, body: object) {
  const res = await fetch(`${sim.url}/_sim/shops/${shop}/carts/evaluate`, { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe("automatic app discounts and the simulated checkout", () => {
  it("creates a discount that runs the deployed Function for the buyer's current tags", async () => {
    const { shop, graphql, products, customers } = await shopWithDiscountScope();
    const created = await graphql(SAVE, { discount: discountInput() });
    expect(created.data!.discountAutomaticAppCreate.userErrors).toEqual([]);
    expect(created.data!.discountAutomaticAppCreate.automaticAppDiscount).toMatchObject({ title: "SegOps: VIP 10%", status: "ACTIVE", discountClasses: ["ORDER", "PRODUCT"] });
    expect(created.extensions?.cost.requestedQueryCost).toBe(10);

    const [member, other] = customers as [string, string];
    await graphql(TAG, { id: member, tags: ["segops:vip"] });
    const variant = products[0].variants.nodes[0];
    const cart = { lines: [{ variantId: variant.id, quantity: 2 }] };
    const paid = await evaluate(shop, { ...cart, customerId: member });
    expect(paid.status).toBe(200);
    const subtotal = Math.round(Number(variant.price) * 200);
    expect(paid.body.applied).toEqual([expect.objectContaining({ title: "SegOps: VIP 10%", message: "VIP 10%", discountClass: "ORDER", amount: (Math.round(subtotal / 10) / 100).toFixed(2) })]);
    expect(paid.body.runs[0].input.cart.buyerIdentity.customer.hasTags).toEqual([{ tag: "segops:vip", hasTag: true }]);

    expect((await evaluate(shop, { ...cart, customerId: other })).body.applied).toEqual([]);
    expect((await evaluate(shop, cart)).body.applied).toEqual([]);
    await graphql(UNTAG, { id: member, tags: ["segops:vip"] });
    expect((await evaluate(shop, { ...cart, customerId: member })).body.applied).toEqual([]);
  });

  it("targets a collection through inCollections", async () => {
    const { shop, graphql, products, customers } = await shopWithDiscountScope();
    const made = await fetch(`${sim.url}/_sim/shops/${shop}/collections`, { method: "POST", body: JSON.stringify({ productIds: [products[1].id] }) });
    const { id: collection } = (await made.json()) as { id: string };
    const rule = { ...VIP_RULE, message: "Outerwear", on: "collections", ids: [collection.split("/").pop()] };
    const value = JSON.stringify({ tags: ["segops:vip"], collectionIds: [collection], rules: [rule] });
    await graphql(SAVE, { discount: discountInput({ metafields: [{ namespace: "$app:segops-discount", key: "function-configuration", type: "json", value }] }) });
    await graphql(TAG, { id: customers[0], tags: ["segops:vip"] });
    const lines = [0, 1].map((i) => ({ variantId: products[i].variants.nodes[0].id, quantity: 1 }));
    const { body } = await evaluate(shop, { customerId: customers[0], lines });
    expect(body.applied).toEqual([expect.objectContaining({ discountClass: "PRODUCT", message: "Outerwear" })]);
    expect(body.lines.map((line: { discount: string }) => Number(line.discount) > 0)).toEqual([false, true]);
  });

  it("answers Shopify's userErrors and keeps 25 active app discounts at most", async () => {
    const { graphql } = await shopWithDiscountScope();
    const errorOf = async (discount: object) => (await graphql(SAVE, { discount })).data!.discountAutomaticAppCreate.userErrors[0];
    expect(await errorOf(discountInput({ functionHandle: undefined }))).toMatchObject({ code: "MISSING_FUNCTION_IDENTIFIER" });
    expect(await errorOf(discountInput({ functionHandle: "someone-elses" }))).toMatchObject({ code: "INVALID", field: ["automaticAppDiscount", "functionHandle"] });
    expect(await errorOf(discountInput({ title: " " }))).toMatchObject({ code: "BLANK" });
    expect(await errorOf(discountInput({ startsAt: "2026-10-02T00:00:00Z", endsAt: "2026-10-01T00:00:00Z" }))).toMatchObject({ code: "END_DATE_BEFORE_START_DATE" });
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await graphql(SAVE, { discount: discountInput({ title: `D${i}` }) })).data!.discountAutomaticAppCreate.automaticAppDiscount.discountId);
    expect(await errorOf(discountInput())).toMatchObject({ code: "MAX_APP_DISCOUNTS" });

    const updated = await graphql(UPDATE, { id: ids[0], discount: { title: "Renamed" } });
    expect(updated.data!.discountAutomaticAppUpdate).toEqual({ automaticAppDiscount: { discountId: ids[0], title: "Renamed" }, userErrors: [] });
    expect((await graphql(DELETE, { id: ids[0] })).data!.discountAutomaticDelete).toEqual({ deletedAutomaticDiscountId: ids[0], userErrors: [] });
    expect((await graphql(UPDATE, { id: ids[0], discount: { title: "x" } })).data!.discountAutomaticAppUpdate.userErrors[0]).toMatchObject({ field: ["id"] });
    expect((await graphql(SAVE, { discount: discountInput() })).data!.discountAutomaticAppCreate.userErrors).toEqual([]);
  });

  it("refuses carts naming what the shop does not have", async () => {
    const { shop } = await shopWithDiscountScope();
    expect((await evaluate(shop, { lines: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1 }] })).body.error.code).toBe("unknown_variant");
    expect((await evaluate(shop, { customerId: "gid://shopify/Customer/1", lines: [] })).body.error.code).toBe("unknown_customer");
  });
});
