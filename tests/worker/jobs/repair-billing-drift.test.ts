import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CRONS } from "../../../worker/crons.ts";
import worker from "../../../worker/index.ts";
import type { BillingResponse, SubscribeResponse } from "../../../worker/routes/admin/billing.ts";
import { adminJson, sim } from "../../helpers/harness.ts";
import { installEmptyShop } from "../../helpers/segment-shop.ts";

const STARTER = { plan: "starter" } as const;
const runCron = () => worker.scheduled(createScheduledController({ cron: CRONS.billingDrift, scheduledTime: Date.now() }), env, createExecutionContext());

describe("billing drift cron", () => {
  it("repairs what lost webhooks and an unfinished return left: an approval never confirmed, then a freeze never delivered", async () => {
    const { shop } = await installEmptyShop({}, STARTER);
    const subscribed = await adminJson<SubscribeResponse>(shop, "/billing/subscribe", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ plan: "growth" }) });
    if (subscribed.kind !== "confirm") throw new Error("expected a confirmation URL");
    const id = new URL(subscribed.confirmationUrl).pathname.split("/")[4]!;
    await sim().decideSubscription(shop, id, "approve");
    await sim().outbox(shop);
    expect((await adminJson<BillingResponse>(shop, "/billing")).plan).toBe("starter");

    await runCron();
    expect(await adminJson<BillingResponse>(shop, "/billing")).toMatchObject({ plan: "growth", subscription: { status: "ACTIVE" } });

    await sim().setSubscriptionStatus(shop, id, "FROZEN");
    await sim().outbox(shop);
    await runCron();
    expect(await adminJson<BillingResponse>(shop, "/billing")).toMatchObject({ plan: "starter", notice: { status: "FROZEN", plan: "growth" } });
  });
});
