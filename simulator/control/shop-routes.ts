import type { Hono } from "hono";
import { mintExtensionSessionToken, mintSessionToken, type ExtensionSessionTokenOptions, type SessionTokenOptions } from "../auth/session-token.ts";
import { revokeAllTokens } from "../auth/tokens.ts";
import { readJson } from "../lib/read-body.ts";
import { emitWebhooks } from "../webhooks/emit.ts";
import { scopesUpdatePayload, shopPayload } from "../webhooks/payloads/shop.ts";
import type { SimContext, Via } from "../types.ts";
import { applySettings } from "./apply-settings.ts";
import { cancelAppSubscriptionsOnUninstall } from "../store/app-subscriptions.ts";
import { shopState, shopSummary, statsSince } from "./describe-shop.ts";
import { guarded, requireShop, simError } from "./respond.ts";
import { CREATE_SHOP, SETTINGS_PATCH } from "./settings-schema.ts";
import type { SimulatorStore } from "../store/simulator-store.ts";

export function registerShopRoutes(app: Hono, ctx: SimContext, store: SimulatorStore): void {
  app.post("/_sim/shops", (c) =>
    guarded(c, async () => {
      const options = CREATE_SHOP.parse(await readJson(c));
      if (options.shop && ctx.shops.has(options.shop)) return simError(c, 409, "shop_exists", `${options.shop} already exists`);
      const shop = store.createShop(options);
      const summary = shopSummary(shop);
      return c.json({ shop: summary.shop, counts: summary.counts }, 201);
    }),
  );

  app.get("/_sim/shops/:shop", (c) => {
    const shop = requireShop(c, ctx);
    return shop instanceof Response ? shop : c.json(shopSummary(shop));
  });

  app.post("/_sim/shops/:shop/session-token", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const options = await readJson<SessionTokenOptions>(c);
      return c.json({ token: mintSessionToken(shop.domain, ctx.options.app, options) });
    }),
  );

  app.post("/_sim/shops/:shop/extension-session-token", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const options = await readJson<ExtensionSessionTokenOptions>(c);
      return c.json({ token: mintExtensionSessionToken(shop.domain, ctx.options.app, options) });
    }),
  );

  app.get("/_sim/shops/:shop/state", (c) => {
    const shop = requireShop(c, ctx);
    return shop instanceof Response ? shop : c.json(shopState(shop, c.req.query("tags") === "all"));
  });

  app.get("/_sim/shops/:shop/stats", (c) => {
    const shop = requireShop(c, ctx);
    if (shop instanceof Response) return shop;
    const since = Date.parse(c.req.query("since") ?? "1970-01-01T00:00:00Z");
    if (Number.isNaN(since)) return simError(c, 400, "invalid_since", "since must be an ISO timestamp");
    return c.json(statsSince(shop, since));
  });

  app.get("/_sim/shops/:shop/outbox", (c) => {
    const shop = requireShop(c, ctx);
    if (shop instanceof Response) return shop;
    const deliveries = c.req.query("drain") === "0" ? [...shop.outbox] : shop.outbox.splice(0);
    return c.json({ deliveries });
  });

  app.get("/_sim/shops/:shop/deliveries", (c) => {
    const shop = requireShop(c, ctx);
    return shop instanceof Response ? shop : c.json({ deliveries: shop.deliveries });
  });

  app.patch("/_sim/shops/:shop/settings", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      applySettings(shop, SETTINGS_PATCH.parse(await readJson(c)));
      return c.json(shopSummary(shop));
    }),
  );

  app.post("/_sim/shops/:shop/install", (c) => {
    const shop = requireShop(c, ctx);
    if (shop instanceof Response) return shop;
    shop.installed = true;
    return c.json(shopSummary(shop));
  });

  app.post("/_sim/shops/:shop/uninstall", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const { via } = await readJson<{ via?: Via }>(c);
      shop.installed = false;
      revokeAllTokens(shop);
      shop.webhookSubscriptions = [];
      cancelAppSubscriptionsOnUninstall(shop, Date.now());
      const deliveries = await emitWebhooks(ctx, shop, [{ topic: "app/uninstalled", payload: shopPayload(shop) }], via ? { via } : {});
      return c.json({ deliveries });
    }),
  );

  app.post("/_sim/shops/:shop/scopes", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const { granted, via } = await readJson<{ granted?: string[]; via?: Via }>(c);
      if (!Array.isArray(granted)) return simError(c, 400, "invalid_input", "granted must be a list of scopes");
      const previous = shop.grantedScopes;
      shop.grantedScopes = [...granted];
      for (const token of shop.tokens.access.values()) token.scope = granted.join(",");
      const deliveries = await emitWebhooks(ctx, shop, [{ topic: "app/scopes_update", payload: scopesUpdatePayload(shop, previous, granted) }], via ? { via } : {});
      return c.json({ grantedScopes: shop.grantedScopes, deliveries });
    }),
  );
}
