/** The Admin API documents of billing (Billing API, 2026-07); the simulator serves the same fields. */

export const SHOP_PLAN = `#graphql
query SegOpsShopPlan { shop { plan { partnerDevelopment } } }`;

export const CREATE_SUBSCRIPTION = `#graphql
mutation SegOpsCreateSubscription($name: String!, $lineItems: [AppSubscriptionLineItemInput!]!, $returnUrl: URL!, $test: Boolean, $trialDays: Int, $replacementBehavior: AppSubscriptionReplacementBehavior) {
  appSubscriptionCreate(name: $name, lineItems: $lineItems, returnUrl: $returnUrl, test: $test, trialDays: $trialDays, replacementBehavior: $replacementBehavior) {
    appSubscription { id name status test trialDays createdAt currentPeriodEnd }
    confirmationUrl
    userErrors { field message }
  }
}`;

export const CANCEL_SUBSCRIPTION = `#graphql
mutation SegOpsCancelSubscription($id: ID!) {
  appSubscriptionCancel(id: $id, prorate: true) {
    appSubscription { id name status test trialDays createdAt currentPeriodEnd }
    userErrors { field message }
  }
}`;

export const READ_SUBSCRIPTION = `#graphql
query SegOpsSubscription($id: ID!) {
  node(id: $id) { ... on AppSubscription { id name status test trialDays createdAt currentPeriodEnd } }
}`;

export const READ_SUBSCRIPTIONS = `#graphql
query SegOpsSubscriptions($ids: [ID!]!) {
  currentAppInstallation { activeSubscriptions { id name status test trialDays createdAt currentPeriodEnd } }
  nodes(ids: $ids) { ... on AppSubscription { id name status test trialDays createdAt currentPeriodEnd } }
}`;

/** An AppSubscription as the documents above select it. */
export type ShopifySubscription = {
  id: string;
  name: string;
  status: string;
  test: boolean;
  trialDays: number;
  createdAt: string;
  currentPeriodEnd: string | null;
};

export type ShopifyUserError = { field: string[] | null; message: string };
