import { describe, expect, it } from "vitest";
import type { BillingResponse, ConfirmResponse, SubscribeResponse } from "../../../../worker/routes/admin/billing.ts";
import { adminJson, sim, waitForAdmin } from "../../../helpers/harness.ts";
import { installEmptyShop } from "../../../helpers/segment-shop.ts";
import { sendDelivery } from "../../../helpers/webhook-requests.ts";

/** A workspace on the free plan, as a fresh install is. */
const STARTER = { plan: "starter" } as const;
const post = (body: unknown) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const subscribe = (shop: string, plan: string) => adminJson<SubscribeResponse>(shop, "/billing/subscribe", post({ plan }));

/** The merchant decides on Shopify's page; answers the charge_id Shopify puts on the return URL. */
async function decide(shop: string, confirmationUrl: string, decision: "approve" | "decline") {
  const id = new URL(confirmationUrl).pathname.split("/")[4]!;
  const { returnUrl } = await sim().decideSubscription(shop, id, decision);
  return { chargeId: new URL(returnUrl).searchParams.get("charge_id")!, returnUrl };
}

/** Delivers the app_subscriptions/update webhooks the simulator holds, as Shopify would. */
async function deliverBillingWebhooks(shop: string) {
  const deliveries = (await sim().outbox(shop)).filter((d) => d.topic === "app_subscriptions/update");
  for (const delivery of deliveries) expect((await sendDelivery(delivery)).status).toBe(200);
  return deliveries;
}

describe("/admin/api/billing (happy)", () => {
  it("starts on Starter with every plan, usage against each limit and the whole trial available", async () => {
    const { shop } = await installEmptyShop({}, STARTER);
    const billing = await adminJson<BillingResponse>(shop, "/billing");
    expect(billing).toMatchObject({ plan: "starter", subscription: null, trial: null, renewsAt: null, notice: null, trialDaysAvailable: 30 });
    expect(billing.plans.map((plan) => [plan.id, plan.price, plan.trialDays, plan.current])).toEqual([
      ["starter", 0, 0, true],
      ["growth", 49, 30, false],
      ["scale", 199, 30, false],
    ]);
    expect(billing.usage.map((row) => row.limit)).toEqual(["eventsPerMonth", "profiles", "segments", "discounts", "storefrontSurfaces"]);
    expect(billing.usage.find((row) => row.limit === "segments")).toMatchObject({ used: 0, allowed: 3 });
    expect(billing.features).toEqual([expect.objectContaining({ limit: "nativeSegmentPush", allowed: false }), expect.objectContaining({ limit: "flow", allowed: false })]);
  });

  it("subscribes to Growth with a test charge on a development store, and the approved return lands on an active trial", async () => {
    const { shop } = await installEmptyShop({ plan: "development" }, STARTER);
    const subscribed = await subscribe(shop, "growth");
    expect(subscribed).toMatchObject({ kind: "confirm", plan: "growth", trialDays: 30, replacementBehavior: "APPLY_IMMEDIATELY" });
    if (subscribed.kind !== "confirm") throw new Error("expected a confirmation URL");
    expect(new URL(subscribed.confirmationUrl).host).toBe(shop);
    expect(subscribed.billing.plan).toBe("starter");
    const [created] = await sim().appSubscriptions(shop);
    expect(created).toMatchObject({ name: "SegOps Growth", test: true, trialDays: 30, replacementBehavior: "APPLY_IMMEDIATELY" });
    expect(new URL(created!.returnUrl).pathname).toMatch(/\/store\/[^/]+\/apps\/segops\/billing$/);

    const { chargeId } = await decide(shop, subscribed.confirmationUrl, "approve");
    const confirmed = await adminJson<ConfirmResponse>(shop, "/billing/confirm", post({ chargeId }));
    expect(confirmed.outcome).toEqual({ plan: "growth", status: "ACTIVE" });
    expect(confirmed.billing).toMatchObject({ plan: "growth", subscription: { status: "ACTIVE", test: true }, trial: { daysLeft: 30 }, notice: null });
    // Shopify bills first when the trial ends. The trial's end counts from when SegOps saw the approval, Shopify's
    // from the approval itself: seconds apart on a loaded machine, never a day.
    expect(Math.abs(Date.parse(confirmed.billing.renewsAt!) - Date.parse(confirmed.billing.trial!.endsAt))).toBeLessThan(60_000);
    expect(confirmed.billing.usage.find((row) => row.limit === "segments")).toMatchObject({ allowed: 25 });

    // The webhook of the same change, after the return, changes nothing; delivered twice, nothing either.
    const [webhook] = await deliverBillingWebhooks(shop);
    expect((await sendDelivery(webhook!)).status).toBe(200);
    const after = await waitForAdmin<BillingResponse>(shop, "/billing", (b) => b.subscription?.status === "ACTIVE");
    expect(after).toMatchObject({ plan: "growth", trial: { daysLeft: 30 } });
  });

  it("keeps the status from app_subscriptions/update alone, then falls back to Starter with a banner when the shop is frozen", async () => {
    const { shop } = await installEmptyShop({}, STARTER);
    const subscribed = await subscribe(shop, "scale");
    if (subscribed.kind !== "confirm") throw new Error("expected a confirmation URL");
    await decide(shop, subscribed.confirmationUrl, "approve");
    await deliverBillingWebhooks(shop);
    const active = await waitForAdmin<BillingResponse>(shop, "/billing", (b) => b.plan === "scale");
    expect(active.subscription).toMatchObject({ status: "ACTIVE" });

    await sim().setSubscriptionStatus(shop, active.subscription!.id, "FROZEN");
    await deliverBillingWebhooks(shop);
    const frozen = await waitForAdmin<BillingResponse>(shop, "/billing", (b) => b.plan === "starter");
    expect(frozen).toMatchObject({ subscription: null, notice: { status: "FROZEN", plan: "scale" } });
  });

  it("declining an upgrade keeps the plan and shows why", async () => {
    const { shop } = await installEmptyShop({}, STARTER);
    const subscribed = await subscribe(shop, "growth");
    if (subscribed.kind !== "confirm") throw new Error("expected a confirmation URL");
    const { chargeId } = await decide(shop, subscribed.confirmationUrl, "decline");
    const confirmed = await adminJson<ConfirmResponse>(shop, "/billing/confirm", post({ chargeId }));
    expect(confirmed.outcome).toEqual({ plan: "growth", status: "DECLINED" });
    expect(confirmed.billing).toMatchObject({ plan: "starter", notice: { status: "DECLINED", plan: "growth" }, trialDaysAvailable: 30 });
  });

  it("downgrades to Starter by cancelling the paid subscription", async () => {
    const { shop } = await installEmptyShop({}, STARTER);
    const subscribed = await subscribe(shop, "growth");
    if (subscribed.kind !== "confirm") throw new Error("expected a confirmation URL");
    const { chargeId } = await decide(shop, subscribed.confirmationUrl, "approve");
    await adminJson<ConfirmResponse>(shop, "/billing/confirm", post({ chargeId }));
    const cancelled = await subscribe(shop, "starter");
    expect(cancelled).toMatchObject({ kind: "cancelled", plan: "starter", billing: { plan: "starter", notice: { status: "CANCELLED", plan: "growth" } } });
    expect((await sim().appSubscriptions(shop)).map((s) => s.status)).toEqual(["CANCELLED"]);
  });
});
