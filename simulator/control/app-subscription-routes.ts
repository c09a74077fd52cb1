import type { Context, Hono } from "hono";
import { z } from "zod";
import { parseId } from "../lib/ids.ts";
import { readJson } from "../lib/read-body.ts";
import {
  advanceAppSubscriptions,
  approveAppSubscription,
  declineAppSubscription,
  endBillingPeriod,
  findAppSubscription,
  setAppSubscriptionStatus,
} from "../store/app-subscriptions.ts";
import type { AppSubscriptionRecord, ShopState, SimContext } from "../types.ts";
import { emitWebhooks, type WebhookEvent } from "../webhooks/emit.ts";
import { appSubscriptionNode } from "../graphql/resolvers/app-subscriptions.ts";
import { guarded, requireShop, simError } from "./respond.ts";

const STATUS_CHANGE = z.object({ status: z.enum(["ACTIVE", "FROZEN", "EXPIRED", "CANCELLED"]) });

/** Where the merchant lands after deciding: the app's return URL with `charge_id`, as Shopify redirects. */
export function returnUrlWithCharge(sub: AppSubscriptionRecord): string {
  const url = new URL(sub.returnUrl);
  url.searchParams.set("charge_id", sub.id);
  return url.toString();
}

type Decide = (shop: ShopState, sub: AppSubscriptionRecord, now: number) => WebhookEvent[];

/**
 * The merchant's side of billing: approve or decline on the confirmation page (which calls these too), and the
 * billing events a test plays (a frozen or thawed shop, an expiry, the end of a billing period).
 */
export function registerAppSubscriptionRoutes(app: Hono, ctx: SimContext): void {
  const withSubscription = (c: Context, run: (shop: ShopState, sub: AppSubscriptionRecord) => Promise<Response>) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      await emitWebhooks(ctx, shop, advanceAppSubscriptions(shop, Date.now()));
      // The numeric id, or the GraphQL node's gid.
      const raw = c.req.param("id") ?? "";
      const sub = findAppSubscription(shop, raw.startsWith("gid://") ? parseId(raw).id : raw);
      if (!sub) return simError(c, 404, "subscription_not_found", `No app subscription ${c.req.param("id")} on ${shop.domain}`);
      return run(shop, sub);
    });

  const decide = (verb: string, change: Decide) =>
    app.post(`/_sim/shops/:shop/app-subscriptions/:id/${verb}`, (c) =>
      withSubscription(c, async (shop, sub) => {
        if (sub.status !== "PENDING" || sub.approvedAt !== null) return simError(c, 409, "already_decided", `Subscription ${sub.id} is ${sub.status.toLowerCase()}${sub.approvedAt ? " (approved)" : ""}`);
        const deliveries = await emitWebhooks(ctx, shop, change(shop, sub, Date.now()));
        return c.json({ subscription: appSubscriptionNode(sub), returnUrl: returnUrlWithCharge(sub), deliveries });
      }),
    );
  decide("approve", approveAppSubscription);
  decide("decline", declineAppSubscription);

  app.post("/_sim/shops/:shop/app-subscriptions/:id/status", (c) =>
    withSubscription(c, async (shop, sub) => {
      const { status } = STATUS_CHANGE.parse(await readJson(c));
      const deliveries = await emitWebhooks(ctx, shop, setAppSubscriptionStatus(shop, sub, status, Date.now()));
      return c.json({ subscription: appSubscriptionNode(sub), deliveries });
    }),
  );

  app.post("/_sim/shops/:shop/app-subscriptions/end-period", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const deliveries = await emitWebhooks(ctx, shop, endBillingPeriod(shop, Date.now()));
      return c.json({ subscriptions: shop.appSubscriptions.map(appSubscriptionNode), deliveries });
    }),
  );

  app.get("/_sim/shops/:shop/app-subscriptions", (c) => {
    const shop = requireShop(c, ctx);
    return shop instanceof Response ? shop : c.json({ subscriptions: shop.appSubscriptions.map((sub) => ({ ...appSubscriptionNode(sub), approvedAt: sub.approvedAt, replacementBehavior: sub.replacementBehavior, price: sub.price })) });
  });
}
