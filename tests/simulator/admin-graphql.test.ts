import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, exchangeToken, FIXED_NOW, graphqlFor, shopWithToken, SMALL, startTestSimulator, type GraphqlResponse, type TestSimulator } from "./harness.ts";
import { waitFor } from "../helpers/wait-for.ts";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe("Admin GraphQL shapes", () => {
  it("answers shop and currentAppInstallation with the granted scopes", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const { data } = await graphql(`{ shop { id name myshopifyDomain currencyCode plan { partnerDevelopment shopifyPlus } }
      currentAppInstallation { id accessScopes { handle } activeSubscriptions { id name status test trialDays currentPeriodEnd createdAt } } }`);
    expect(data!.shop).toMatchObject({ myshopifyDomain: shop, currencyCode: "USD", plan: { partnerDevelopment: false, shopifyPlus: false } });
    expect(data!.shop.id).toMatch(/^gid:\/\/shopify\/Shop\/\d+$/);
    expect(data!.currentAppInstallation.accessScopes.map((s: { handle: string }) => s.handle)).toEqual(APP.scopes);
  });

  it("pages customers with cursors, fragments, aliases and variables", async () => {
    const { graphql } = await shopWithToken(sim);
    const query = `query Page($after: String) { page: customers(first: 25, after: $after) { pageInfo { hasNextPage endCursor } nodes { ...C } } }
      fragment C on Customer { id legacyResourceId email firstName lastName tags amountSpent { amount currencyCode } numberOfOrders
        defaultAddress { countryCodeV2 } emailMarketingConsent { marketingState } createdAt updatedAt }`;
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const { data }: GraphqlResponse = await graphql(query, { after });
      ids.push(...data!.page.nodes.map((n: { id: string }) => n.id));
      after = data!.page.pageInfo.hasNextPage ? data!.page.pageInfo.endCursor : null;
    } while (after);
    expect(ids.length).toBe(SMALL.customers);
    expect(new Set(ids).size).toBe(SMALL.customers);
    const { data } = await graphql(`{ customers(first: 1) { nodes { id legacyResourceId numberOfOrders amountSpent { amount } } } }`);
    const customer = data!.customers.nodes[0];
    expect(customer.id).toBe(`gid://shopify/Customer/${customer.legacyResourceId}`);
    expect(customer.numberOfOrders).toMatch(/^\d+$/);
  });

  it("filters orders by updated_at and returns line items", async () => {
    const { graphql } = await shopWithToken(sim);
    const { data } = await graphql(`{ orders(first: 5, query: "updated_at:>='2026-08-01T00:00:00Z'", sortKey: UPDATED_AT) { nodes {
      id name createdAt processedAt updatedAt cancelledAt displayFinancialStatus totalPriceSet { shopMoney { amount currencyCode } }
      totalRefundedSet { shopMoney { amount } } customer { id }
      lineItems(first: 10) { edges { node { id quantity sku title variant { id } product { id } originalUnitPriceSet { shopMoney { amount } } } } } } } }`);
    const orders = data!.orders.nodes;
    expect(orders.length).toBe(5);
    for (const order of orders) expect(Date.parse(order.updatedAt)).toBeGreaterThanOrEqual(Date.parse("2026-08-01T00:00:00Z"));
    expect(orders[0].lineItems.edges[0].node.id).toMatch(/^gid:\/\/shopify\/LineItem\/\d+$/);
  });

  it("links a customer to its orders and last order, and each of those orders back to the customer", async () => {
    const { graphql } = await shopWithToken(sim);
    const { data } = await graphql(`{ customers(first: 20) { nodes { id lastOrder { id customer { id } } orders(first: 20) { nodes { id customer { id } } } } } }`);
    type Linked = { id: string; customer: { id: string } };
    const customers: { id: string; lastOrder: Linked | null; orders: { nodes: Linked[] } }[] = data!.customers.nodes;
    const buyer = customers.find((customer) => customer.orders.nodes.length > 0);
    expect(buyer).toBeDefined();
    expect(buyer!.orders.nodes.every((order) => order.customer.id === buyer!.id)).toBe(true);
    expect(buyer!.lastOrder?.customer.id).toBe(buyer!.id);
    expect(buyer!.orders.nodes.map((order) => order.id)).toContain(buyer!.lastOrder?.id);
  });

  it("returns products with variants, media alt text and SEO", async () => {
    const { graphql } = await shopWithToken(sim);
    const { data } = await graphql(`{ products(first: 20) { nodes { id title handle descriptionHtml vendor productType tags status seo { title description }
      variants(first: 10) { nodes { id sku barcode price inventoryQuantity } } media(first: 5) { nodes { alt ... on MediaImage { image { altText url } } } }
      images(first: 5) { nodes { altText } } options { name values } updatedAt } } }`);
    const products = data!.products.nodes;
    expect(products.length).toBe(SMALL.products);
    expect(products.some((p: any) => p.seo.description === null)).toBe(true);
    expect(products.flatMap((p: any) => p.variants.nodes).every((v: any) => /^\d+(\.\d+)?$/.test(v.price))).toBe(true);
  });

  it("lists abandoned checkouts on QueryRoot", async () => {
    const { graphql } = await shopWithToken(sim);
    const { data } = await graphql(`{ abandonedCheckouts(first: 50) { nodes { id abandonedCheckoutUrl createdAt completedAt totalPriceSet { shopMoney { amount } } lineItems(first: 5) { nodes { quantity } } } } }`);
    expect(data!.abandonedCheckouts.nodes.length).toBe(SMALL.abandonedCheckouts);
  });

  it("names an unimplemented field in a validation error", async () => {
    const { graphql } = await shopWithToken(sim);
    const response = await graphql(`mutation { fooBar }`);
    expect(response.status).toBe(200);
    expect((response.errors as { message: string }[])[0]!.message).toContain('Cannot query field "fooBar" on type "Mutation"');
  });

  it("answers 401 with Shopify's message for an invalid token", async () => {
    const { shop } = await shopWithToken(sim);
    const response = await graphqlFor(sim.url, shop, "shpat_nope")("{ shop { id } }");
    expect(response.status).toBe(401);
    expect(response.errors).toBe("[API] Invalid API key or access token (unrecognized login or wrong password)");
  });

  it("answers ACCESS_DENIED for a field whose scope was not granted", async () => {
    const { graphql } = await shopWithToken(sim, { grantedScopes: ["read_products"] });
    const response = await graphql(`{ customers(first: 1) { nodes { id } } }`);
    expect(response.status).toBe(200);
    expect((response.errors as any[])[0]).toMatchObject({ path: ["customers"], extensions: { code: "ACCESS_DENIED" } });
  });

  it("hides orders older than 60 days without read_all_orders", async () => {
    const withAll = await shopWithToken(sim);
    const without = await shopWithToken(sim, { grantedScopes: APP.scopes.filter((s) => s !== "read_all_orders") });
    const count = async (graphql: typeof withAll.graphql) => {
      let total = 0;
      let oldest = Infinity;
      let after: string | null = null;
      do {
        const { data }: GraphqlResponse = await graphql(`query($after: String) { orders(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { createdAt } } }`, { after });
        total += data!.orders.nodes.length;
        for (const order of data!.orders.nodes) oldest = Math.min(oldest, Date.parse(order.createdAt));
        after = data!.orders.pageInfo.hasNextPage ? data!.orders.pageInfo.endCursor : null;
      } while (after);
      return { total, oldest };
    };
    const all = await count(withAll.graphql);
    const recent = await count(without.graphql);
    expect(all.total).toBe(SMALL.orders);
    expect(recent.total).toBeLessThan(all.total);
    expect(recent.total).toBeGreaterThan(0);
    expect(recent.oldest).toBeGreaterThanOrEqual(Date.parse(FIXED_NOW) - 60 * 86_400_000);
    expect(all.oldest).toBeLessThan(Date.parse(FIXED_NOW) - 60 * 86_400_000);
  });
});

describe("cost and throttling", () => {
  it("reports the cost extension on every response", async () => {
    const { graphql } = await shopWithToken(sim);
    const { extensions } = await graphql(`{ customers(first: 10) { nodes { id } } }`);
    expect(extensions!.cost.requestedQueryCost).toBe(12);
    expect(extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    expect(extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(2000);
  });

  it("answers THROTTLED without executing when a small bucket runs dry, and recovers after restore", async () => {
    const { graphql, shop } = await shopWithToken(sim, { throttle: { maximumAvailable: 30, restoreRate: 50 } });
    const query = `{ customers(first: 20) { nodes { id } } }`;
    expect((await graphql(query)).data).not.toBeNull();
    const throttled = await graphql(query);
    expect(throttled.status).toBe(200);
    expect(throttled.data).toBeUndefined();
    expect((throttled.errors as any[])[0]).toMatchObject({ message: "Throttled", extensions: { code: "THROTTLED" } });
    expect(throttled.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(22);
    const needed = throttled.extensions!.cost.requestedQueryCost;
    const restored = async () => (await graphql(`{ shop { id } }`)).extensions!.cost.throttleStatus.currentlyAvailable >= needed;
    await waitFor(restored, { what: `the bucket to restore ${needed} points` });
    expect((await graphql(query)).data!.customers.nodes.length).toBe(20);
    expect((await sim.client.state(shop)).throttledCalls).toBe(1);
  });

  it("refuses a query above the 1000-point single query limit", async () => {
    const { graphql } = await shopWithToken(sim);
    const response = await graphql(`{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }`);
    expect((response.errors as any[])[0].extensions.code).toBe("MAX_COST_EXCEEDED");
  });

  it("fails the next calls with a 5xx when told to", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await sim.client.settings(shop, { failGraphql: { count: 1, status: 503 } });
    expect((await graphql(`{ shop { id } }`)).status).toBe(503);
    expect((await graphql(`{ shop { id } }`)).status).toBe(200);
  });

  it("fails with 401 once access tokens expire, and works again after a refresh", async () => {
    const { graphql, shop, refreshToken } = await shopWithToken(sim);
    await sim.client.settings(shop, { expireAccessTokens: true });
    expect((await graphql(`{ shop { id } }`)).status).toBe(401);
    const response = await fetch(`${sim.url}/${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: APP.apiKey, client_secret: APP.apiSecret, grant_type: "refresh_token", refresh_token: refreshToken }),
    });
    const fresh = (await response.json()) as { access_token: string };
    expect((await graphqlFor(sim.url, shop, fresh.access_token)(`{ shop { id } }`)).status).toBe(200);
  });
});

describe("install-time mutations", () => {
  it("creates webhook subscriptions and refuses the same topic and address twice", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const create = `mutation($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: $uri, format: JSON }) {
      webhookSubscription { id topic uri endpoint { __typename ... on WebhookPubSubEndpoint { pubSubProject pubSubTopic } } } userErrors { field message } } }`;
    const first = await graphql(create, { uri: "pubsub://segops-prod:shopify-events" });
    expect(first.data!.webhookSubscriptionCreate.webhookSubscription.endpoint).toEqual({ __typename: "WebhookPubSubEndpoint", pubSubProject: "segops-prod", pubSubTopic: "shopify-events" });
    const second = await graphql(create, { uri: "pubsub://segops-prod:shopify-events" });
    expect(second.data!.webhookSubscriptionCreate.userErrors[0].message).toBe("Address for this topic has already been taken");
    const listed = await graphql(`{ webhookSubscriptions(first: 10) { nodes { topic uri } } }`);
    expect(listed.data!.webhookSubscriptions.nodes).toEqual([{ topic: "ORDERS_CREATE", uri: "pubsub://segops-prod:shopify-events" }]);
    expect((await sim.client.state(shop)).webhookSubscriptions).toHaveLength(1);
  });

  it("errors on webPixel before one exists, then creates once and updates", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const missing = await graphql(`{ webPixel { id settings } }`);
    expect((missing.errors as any[])[0].message).toBe("No web pixel was found for this app.");
    const create = `mutation($s: JSON!) { webPixelCreate(webPixel: { settings: $s }) { webPixel { id settings } userErrors { code field message } } }`;
    const created = await graphql(create, { s: JSON.stringify({ publicKey: "pk_1", collectorUrl: "https://segops.test" }) });
    const id = created.data!.webPixelCreate.webPixel.id;
    expect((await graphql(create, { s: "{}" })).data!.webPixelCreate.userErrors[0].code).toBe("TAKEN");
    const updated = await graphql(`mutation($id: ID!) { webPixelUpdate(id: $id, webPixel: { settings: "{\\"publicKey\\":\\"pk_2\\"}" }) { webPixel { settings } userErrors { code } } }`, { id });
    expect(updated.data!.webPixelUpdate.userErrors).toEqual([]);
    expect((await sim.client.state(shop)).webPixel!.settings).toEqual({ publicKey: "pk_2" });
  });

  it("stores $app:segops definitions under the app-reserved namespace and refuses duplicates", async () => {
    const { graphql } = await shopWithToken(sim);
    const create = `mutation { metafieldDefinitionCreate(definition: { name: "AI readability", namespace: "$app:segops", key: "ai_readability_score", type: "number_integer", ownerType: PRODUCT, pin: true, access: { admin: MERCHANT_READ } }) {
      createdDefinition { namespace key } userErrors { code message } } }`;
    const first = await graphql(create);
    expect(first.data!.metafieldDefinitionCreate.createdDefinition).toEqual({ namespace: `app--${APP.apiKey}--segops`, key: "ai_readability_score" });
    expect((await graphql(create)).data!.metafieldDefinitionCreate.userErrors[0].code).toBe("TAKEN");
    const listed = await graphql(`{ metafieldDefinitions(first: 10, ownerType: PRODUCT, namespace: "$app:segops") { nodes { key } } }`);
    expect(listed.data!.metafieldDefinitions.nodes).toEqual([{ key: "ai_readability_score" }]);
  });
});

describe("writes the app makes", () => {
  it("sets metafields atomically, at most 25 per call", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const { data } = await graphql(`{ products(first: 2) { nodes { id } } }`);
    const [a, b] = data!.products.nodes.map((p: { id: string }) => p.id);
    const set = `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value } userErrors { code field message } } }`;
    const good = { ownerId: a, namespace: "$app:segops", key: "ai_readability_score", type: "number_integer", value: "72" };
    expect((await graphql(set, { m: [good] })).data!.metafieldsSet.userErrors).toEqual([]);
    const atomic = await graphql(set, { m: [{ ...good, ownerId: b, value: "80" }, { ...good, value: "not a number" }] });
    expect(atomic.data!.metafieldsSet.userErrors[0].code).toBe("INVALID_VALUE");
    const tooMany = await graphql(set, { m: Array.from({ length: 26 }, () => good) });
    expect(tooMany.data!.metafieldsSet.userErrors[0].code).toBe("LESS_THAN_OR_EQUAL_TO");
    const state = await sim.client.state(shop);
    expect(state.metafields).toEqual({ [a]: { [`app--${APP.apiKey}--segops.ai_readability_score`]: { type: "number_integer", value: "72" } } });
  });

  it("adds and removes customer tags, delivers customers/update and counts the calls", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await sim.client.outbox(shop);
    const { data } = await graphql(`{ customers(first: 1) { nodes { id } } }`);
    const id = data!.customers.nodes[0].id;
    const add = await graphql(`mutation($id: ID!) { tagsAdd(id: $id, tags: ["segops:vip", "segops:vip"]) { node { id ... on Customer { tags } } userErrors { message } } }`, { id });
    expect(add.data!.tagsAdd.node.tags).toContain("segops:vip");
    await graphql(`mutation($id: ID!) { tagsAdd(id: $id, tags: ["segops:vip"]) { userErrors { message } } }`, { id });
    await sim.client.settled();
    const updates = (await sim.client.outbox(shop)).filter((d) => d.topic === "customers/update");
    expect(updates).toHaveLength(1);
    expect(JSON.parse(updates[0]!.body).tags).toContain("segops:vip");
    expect((await sim.client.state(shop)).customerTags).toEqual({ [id]: ["segops:vip"] });
    await graphql(`mutation($id: ID!) { tagsRemove(id: $id, tags: ["segops:vip"]) { userErrors { message } } }`, { id });
    expect((await sim.client.state(shop)).graphqlCalls).toMatchObject({ tagsAdd: 2, tagsRemove: 1 });
  });

  it("stays silent on app-caused changes when that switch is off", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await sim.client.settings(shop, { emitAppCausedWebhooks: false });
    await sim.client.outbox(shop);
    const { data } = await graphql(`{ customers(first: 1) { nodes { id } } }`);
    await graphql(`mutation($id: ID!) { tagsAdd(id: $id, tags: ["segops:quiet"]) { userErrors { message } } }`, { id: data!.customers.nodes[0].id });
    await sim.client.settled();
    expect(await sim.client.outbox(shop)).toEqual([]);
  });

  it("validates segment queries and rejects deprecated named dates", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    const create = `mutation($name: String!, $query: String!) { segmentCreate(name: $name, query: $query) { segment { id name query } userErrors { field message } } }`;
    const ok = await graphql(create, { name: "VIP", query: "customer_countries CONTAINS 'US' AND amount_spent >= 200 AND last_order_date >= -90d" });
    expect(ok.data!.segmentCreate.userErrors).toEqual([]);
    const deprecated = await graphql(create, { name: "Old", query: "last_order_date >= 90_days_ago" });
    expect(deprecated.data!.segmentCreate.userErrors[0]).toMatchObject({ field: ["query"] });
    expect(deprecated.data!.segmentCreate.userErrors[0].message).toContain("deprecated");
    const unknown = await graphql(create, { name: "Bad", query: "total_spent > 3" });
    expect(unknown.data!.segmentCreate.userErrors[0].message).toContain("'total_spent' filter cannot be found");
    const id = ok.data!.segmentCreate.segment.id;
    const updated = await graphql(`mutation($id: ID!) { segmentUpdate(id: $id, query: "customer_tags NOT CONTAINS 'segops:churned'") { segment { query } userErrors { message } } }`, { id });
    expect(updated.data!.segmentUpdate.segment.query).toBe("customer_tags NOT CONTAINS 'segops:churned'");
    expect((await sim.client.state(shop)).segments).toHaveLength(1);
    await graphql(`mutation($id: ID!) { segmentDelete(id: $id) { deletedSegmentId userErrors { message } } }`, { id });
    expect((await sim.client.state(shop)).segments).toHaveLength(0);
  });

  it("records flowTriggerReceive calls", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await graphql(`mutation($p: JSON) { flowTriggerReceive(handle: "segops-segment-joined", payload: $p) { userErrors { message } } }`, { p: { customer_id: 1, "segment name": "VIP" } });
    expect((await sim.client.state(shop)).flowTriggers).toMatchObject([{ handle: "segops-segment-joined", payload: { customer_id: 1, "segment name": "VIP" } }]);
  });

  it("needs a token for a shop it was issued for", async () => {
    const a = await shopWithToken(sim);
    const { shop: other } = await sim.client.createShop({ size: { products: 1, customers: 1, orders: 1, abandonedCheckouts: 0 } });
    expect((await graphqlFor(sim.url, other, a.token)(`{ shop { id } }`)).status).toBe(401);
    expect((await exchangeToken(sim.url, other)).status).toBe(200);
  });
});
