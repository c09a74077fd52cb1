import { describe, expect, it } from "vitest";
import type { BillingResponse, SubscribeResponse } from "../../../../worker/routes/admin/billing.ts";
import { adminFetch, adminJson, appFetch, sim } from "../../../helpers/harness.ts";
import { installEmptyShop } from "../../../helpers/segment-shop.ts";

/** A workspace on the free plan, as a fresh install is. */
const STARTER = { plan: "starter" } as const;
const post = (body: unknown) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("/admin/api/billing (security)", () => {
  it.each([
    ["GET", "/billing"],
    ["POST", "/billing/subscribe"],
    ["POST", "/billing/confirm"],
  ])("answers %s %s without a session token with 401", async (method, path) => {
    const res = await appFetch(`/admin/api${path}`, { method, headers: { "Content-Type": "application/json" }, body: method === "POST" ? "{}" : undefined });
    expect(res.status).toBe(401);
  });

  it("never confirms another shop's charge: Shopify answers nothing for it, so the plan stays", async () => {
    const [a, b] = await Promise.all([installEmptyShop({}, STARTER), installEmptyShop({}, STARTER)]);
    const subscribed = await adminJson<SubscribeResponse>(b.shop, "/billing/subscribe", post({ plan: "growth" }));
    if (subscribed.kind !== "confirm") throw new Error("expected a confirmation URL");
    const { returnUrl } = await sim().decideSubscription(b.shop, new URL(subscribed.confirmationUrl).pathname.split("/")[4]!, "approve");
    const chargeId = new URL(returnUrl).searchParams.get("charge_id")!;

    const res = await adminFetch(a.shop, "/billing/confirm", post({ chargeId }));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect(await adminJson<BillingResponse>(a.shop, "/billing")).toMatchObject({ plan: "starter", subscription: null });
    expect((await adminJson<BillingResponse>(b.shop, "/billing")).plan).toBe("starter");
  });
});
