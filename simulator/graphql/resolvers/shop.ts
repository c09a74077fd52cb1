import { gid } from "../../lib/ids.ts";
import type { Resolver } from "../context.ts";
import { activeSubscriptionNodes, appNumericId } from "./app-subscriptions.ts";

export const shop: Resolver = (_source, _args, gql) => ({
  id: gid("Shop", gql.shop.numericId),
  name: gql.shop.name,
  email: `owner@${gql.shop.domain}`,
  myshopifyDomain: gql.shop.domain,
  currencyCode: gql.shop.currency,
  ianaTimezone: "America/New_York",
  plan: gql.shop.plan,
  primaryDomain: { host: gql.shop.domain, url: `https://${gql.shop.domain}` },
});

export const currentAppInstallation: Resolver = (_source, _args, gql) => {
  const app = gql.sim.options.app;
  return {
    id: gid("AppInstallation", gql.shop.numericId),
    accessScopes: gql.shop.grantedScopes.map((handle) => ({ handle, description: handle.replace(/_/g, " ") })),
    activeSubscriptions: activeSubscriptionNodes(gql),
    app: { id: `gid://shopify/App/${appNumericId(app.apiKey)}`, handle: app.handle ?? "segops", title: "SegOps", apiKey: app.apiKey },
    launchUrl: `https://admin.shopify.com/store/${gql.shop.domain.replace(".myshopify.com", "")}/apps/${app.handle ?? "segops"}`,
  };
};
