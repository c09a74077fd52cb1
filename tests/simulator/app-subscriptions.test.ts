import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatorError } from "../helpers/simulator-client.ts";
import { shopWithToken, startTestSimulator, type TestSimulator } from "./harness.ts";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const DAY = 86_400_000;
const FIELDS = "id name status test trialDays createdAt currentPeriodEnd returnUrl";
const CREATE = `mutation($name: String!, $lineItems: [AppSubscriptionLineItemInput!]!, $returnUrl: URL!, $test: Boolean, $trialDays: Int, $replacementBehavior: AppSubscriptionReplacementBehavior) {
  appSubscriptionCreate(name: $name, lineItems: $lineItems, returnUrl: $returnUrl, test: $test, trialDays: $trialDays, replacementBehavior: $replacementBehavior) {
    appSubscription { ${FIELDS} } confirmationUrl userErrors { field message }
  }
}`;
const CANCEL = `mutation($id: ID!) { appSubscriptionCancel(id: $id, prorate: true) { appSubscription { ${FIELDS} } userErrors { field message } } }`;
const ACTIVE = `{ currentAppInstallation { activeSubscriptions { ${FIELDS} } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on AppSubscription { ${FIELDS} } } }`;

const lineItems = (amount: number, interval = "EVERY_30_DAYS") => [{ plan: { appRecurringPricingDetails: { price: { amount, currencyCode: "USD" }, interval } } }];
const RETURN_URL = "https://admin.shopify.com/store/x/apps/segops/billing";

type Shop = Awaited<ReturnType<typeof shopWithToken>>;

async function create(shop: Shop, variables: Record<string, unknown> = {}) {
  const { data } = await shop.graphql(CREATE, { name: "SegOps Growth", lineItems: lineItems(49), returnUrl: RETURN_URL, test: true, trialDays: 30, ...variables });
  return data!.appSubscriptionCreate as { appSubscription: Record<string, any> | null; confirmationUrl: string | null; userErrors: { field: string[] | null; message: string }[] };
}

async function approved(shop: Shop, variables: Record<string, unknown> = {}) {
  const created = await create(shop, variables);
  await sim.client.decideSubscription(shop.shop, created.appSubscription!.id, "approve");
  return created.appSubscription!.id as string;
}

async function billingWebhooks(shop: string) {
  const deliveries = await sim.client.outbox(shop);
  return deliveries.filter((d) => d.topic === "app_subscriptions/update").map((d) => JSON.parse(d.body).app_subscription as Record<string, unknown>);
}

describe("appSubscriptionCreate", () => {
  it("creates a PENDING subscription and a confirmation URL in the shop's admin, signed", async () => {
    const shop = await shopWithToken(sim, { plan: "development" });
    const created = await create(shop);
    expect(created.userErrors).toEqual([]);
    expect(created.appSubscription).toMatchObject({ name: "SegOps Growth", status: "PENDING", test: true, trialDays: 30, currentPeriodEnd: null, returnUrl: RETURN_URL });
    expect(created.appSubscription!.id).toMatch(/^gid:\/\/shopify\/AppSubscription\/\d+$/);
    const url = new URL(created.confirmationUrl!);
    expect(url.host).toBe(shop.shop);
    expect(url.pathname).toMatch(/^\/admin\/charges\/\d+\/\d+\/RecurringApplicationCharge\/confirm_recurring_application_charge$/);
    expect(url.searchParams.get("signature")).toBeTruthy();
    expect(await billingWebhooks(shop.shop)).toEqual([]);
  });

  it("answers userErrors for a blank name, a bad price, no line item, a bad return URL and a real charge on a development store", async () => {
    const dev = await shopWithToken(sim, { plan: "development" });
    expect((await create(dev, { name: " " })).userErrors).toEqual([{ field: ["name"], message: "Name can't be blank" }]);
    expect((await create(dev, { lineItems: lineItems(0) })).userErrors).toEqual([
      { field: ["lineItems", "0", "plan", "appRecurringPricingDetails", "price", "amount"], message: "Price must be greater than 0" },
    ]);
    expect((await create(dev, { lineItems: [] })).userErrors[0]!.field).toEqual(["lineItems"]);
    expect((await create(dev, { returnUrl: "not a url" })).userErrors[0]!.field).toEqual(["returnUrl"]);
    const real = await create(dev, { test: false });
    expect(real).toMatchObject({ appSubscription: null, confirmationUrl: null });
    expect(real.userErrors).toHaveLength(1);
    const paying = await shopWithToken(sim, { plan: "basic" });
    expect((await create(paying, { test: false })).appSubscription).toMatchObject({ test: false, status: "PENDING" });
  });
});

describe("the confirmation page", () => {
  it("shows the charge in the admin frame, and refuses a wrong signature", async () => {
    const shop = await shopWithToken(sim);
    const url = new URL((await create(shop)).confirmationUrl!);
    const page = await fetch(`${sim.url}/${url.host}${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("SegOps Growth");
    expect(html).toContain("Free for 30 days, then $49.00 USD every 30 days.");
    expect(html).toContain('data-decide="approve"');
    expect(html).toContain('data-decide="decline"');
    expect((await fetch(`${sim.url}/${url.host}${url.pathname}?signature=forged`)).status).toBe(404);
  });

  it("approving activates the subscription with its trial, lists it as active, sends app_subscriptions/update and returns with charge_id", async () => {
    const shop = await shopWithToken(sim);
    const created = await create(shop);
    const before = Date.now();
    const decided = await sim.client.decideSubscription(shop.shop, created.appSubscription!.id, "approve");
    const numericId = created.appSubscription!.id.split("/").pop();
    expect(decided.returnUrl).toBe(`${RETURN_URL}?charge_id=${numericId}`);
    expect(decided.subscription.status).toBe("ACTIVE");
    const periodEnd = Date.parse(decided.subscription.currentPeriodEnd!);
    // DateTime has whole seconds.
    expect(periodEnd).toBeGreaterThanOrEqual(before - 1000 + 30 * DAY);
    expect(periodEnd).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    const { data } = await shop.graphql(ACTIVE);
    expect(data!.currentAppInstallation.activeSubscriptions).toEqual([expect.objectContaining({ id: created.appSubscription!.id, status: "ACTIVE", trialDays: 30 })]);
    expect((await shop.graphql(NODE, { id: created.appSubscription!.id })).data!.node).toMatchObject({ status: "ACTIVE" });
    const [webhook, ...more] = await billingWebhooks(shop.shop);
    expect(more).toEqual([]);
    expect(Object.keys(webhook!).sort()).toEqual(
      ["admin_graphql_api_id", "admin_graphql_api_shop_id", "capped_amount", "created_at", "currency", "interval", "name", "plan_handle", "price", "status", "updated_at"].sort(),
    );
    expect(webhook).toMatchObject({ admin_graphql_api_id: created.appSubscription!.id, name: "SegOps Growth", status: "ACTIVE", currency: "USD", price: "49.00", interval: "every_30_days" });
    expect(webhook!.admin_graphql_api_shop_id).toMatch(/^gid:\/\/shopify\/Shop\/\d+$/);
    await expect(sim.client.decideSubscription(shop.shop, created.appSubscription!.id, "decline")).rejects.toThrow(SimulatorError);
    const url = new URL(created.confirmationUrl!);
    expect((await fetch(`${sim.url}/${url.host}${url.pathname}${url.search}`)).status).toBe(404);
  });

  it("declining leaves nothing active and tells the app DECLINED", async () => {
    const shop = await shopWithToken(sim);
    const created = await create(shop);
    const decided = await sim.client.decideSubscription(shop.shop, created.appSubscription!.id, "decline");
    expect(decided.subscription).toMatchObject({ status: "DECLINED", currentPeriodEnd: null });
    expect(decided.returnUrl).toContain("charge_id=");
    expect((await shop.graphql(ACTIVE)).data!.currentAppInstallation.activeSubscriptions).toEqual([]);
    expect(await billingWebhooks(shop.shop)).toEqual([expect.objectContaining({ status: "DECLINED" })]);
  });
});

describe("replacing a subscription", () => {
  it("APPLY_IMMEDIATELY cancels the active one when the new one is approved", async () => {
    const shop = await shopWithToken(sim);
    const first = await approved(shop);
    const second = await approved(shop, { name: "SegOps Scale", lineItems: lineItems(199), replacementBehavior: "APPLY_IMMEDIATELY", trialDays: 20 });
    expect((await shop.graphql(NODE, { id: first })).data!.node.status).toBe("CANCELLED");
    expect((await shop.graphql(ACTIVE)).data!.currentAppInstallation.activeSubscriptions).toEqual([expect.objectContaining({ id: second, trialDays: 20 })]);
    const statuses = (await billingWebhooks(shop.shop)).map((w) => [w.admin_graphql_api_id, w.status]);
    expect(statuses).toEqual([[first, "ACTIVE"], [first, "CANCELLED"], [second, "ACTIVE"]]);
  });

  it("APPLY_ON_NEXT_BILLING_CYCLE keeps the current one until its period ends", async () => {
    const shop = await shopWithToken(sim);
    const scale = await approved(shop, { name: "SegOps Scale", lineItems: lineItems(199) });
    const growth = await approved(shop, { replacementBehavior: "APPLY_ON_NEXT_BILLING_CYCLE" });
    expect((await shop.graphql(NODE, { id: growth })).data!.node.status).toBe("PENDING");
    expect((await shop.graphql(ACTIVE)).data!.currentAppInstallation.activeSubscriptions.map((s: { id: string }) => s.id)).toEqual([scale]);
    await sim.client.endBillingPeriod(shop.shop);
    expect((await shop.graphql(ACTIVE)).data!.currentAppInstallation.activeSubscriptions.map((s: { id: string }) => s.id)).toEqual([growth]);
    expect((await shop.graphql(NODE, { id: scale })).data!.node.status).toBe("CANCELLED");
  });
});

describe("appSubscriptionCancel and the merchant's side", () => {
  it("cancels an active subscription once, and answers userErrors for an unknown or ended one", async () => {
    const shop = await shopWithToken(sim);
    const id = await approved(shop);
    const cancelled = (await shop.graphql(CANCEL, { id })).data!.appSubscriptionCancel;
    expect(cancelled).toMatchObject({ appSubscription: { id, status: "CANCELLED", currentPeriodEnd: null }, userErrors: [] });
    expect((await shop.graphql(CANCEL, { id })).data!.appSubscriptionCancel).toMatchObject({ appSubscription: null, userErrors: [{ field: ["id"] }] });
    expect((await shop.graphql(CANCEL, { id: "gid://shopify/AppSubscription/999999" })).data!.appSubscriptionCancel.userErrors).toEqual([
      { field: ["id"], message: "Subscription not found" },
    ]);
    await sim.client.settled();
    expect((await billingWebhooks(shop.shop)).map((w) => w.status)).toEqual(["ACTIVE", "CANCELLED"]);
  });

  it("plays a frozen and thawed shop, and an expiry, each with its webhook", async () => {
    const shop = await shopWithToken(sim);
    const id = await approved(shop);
    await sim.client.setSubscriptionStatus(shop.shop, id, "FROZEN");
    expect((await shop.graphql(ACTIVE)).data!.currentAppInstallation.activeSubscriptions).toEqual([]);
    const thawed = await sim.client.setSubscriptionStatus(shop.shop, id, "ACTIVE");
    expect(Date.parse(thawed.subscription.currentPeriodEnd!)).toBeGreaterThan(Date.now() + 29 * DAY);
    await sim.client.setSubscriptionStatus(shop.shop, id, "EXPIRED");
    expect((await billingWebhooks(shop.shop)).map((w) => w.status)).toEqual(["ACTIVE", "FROZEN", "ACTIVE", "EXPIRED"]);
  });

  it("uninstalling cancels the app's subscriptions without telling the uninstalled app", async () => {
    const shop = await shopWithToken(sim);
    const id = await approved(shop);
    await sim.client.outbox(shop.shop);
    await sim.client.uninstall(shop.shop);
    expect((await sim.client.appSubscriptions(shop.shop)).map((s) => [s.id, s.status])).toEqual([[id, "CANCELLED"]]);
    expect(await billingWebhooks(shop.shop)).toEqual([]);
  });

  it("answers the control API's errors for an unknown subscription", async () => {
    const shop = await shopWithToken(sim);
    await expect(sim.client.decideSubscription(shop.shop, "424242", "approve")).rejects.toMatchObject({ status: 404, code: "subscription_not_found" });
  });
});
