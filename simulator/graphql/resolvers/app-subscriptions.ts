import { gid, parseId } from "../../lib/ids.ts";
import { isoTime } from "../../lib/time.ts";
import {
  advanceAppSubscriptions,
  cancelAppSubscription,
  createAppSubscription,
  findAppSubscription,
  type NewSubscription,
} from "../../store/app-subscriptions.ts";
import type { AppSubscriptionRecord, ReplacementBehavior, ShopState } from "../../types.ts";
import { inBackground } from "../../webhooks/dispatch.ts";
import { emitWebhooks, type WebhookEvent } from "../../webhooks/emit.ts";
import { userError, type GqlContext, type Resolver } from "../context.ts";

type LineItemInput = { plan?: { appRecurringPricingDetails?: { price?: { amount?: unknown; currencyCode?: string }; interval?: string } | null; appUsagePricingDetails?: unknown } };

export function appSubscriptionNode(sub: AppSubscriptionRecord) {
  return {
    __typename: "AppSubscription",
    id: gid("AppSubscription", sub.id),
    name: sub.name,
    status: sub.status,
    test: sub.test,
    trialDays: sub.trialDays,
    currentPeriodEnd: sub.currentPeriodEnd === null ? null : isoTime(sub.currentPeriodEnd),
    createdAt: isoTime(sub.createdAt),
    returnUrl: sub.returnUrl,
  };
}

/** The numeric app id of Shopify's charge URLs, as `currentAppInstallation.app.id` gives it. */
export const appNumericId = (apiKey: string) => String(apiKey.length * 7919);

/** Where Shopify sends the merchant to approve: the shop's admin, which only a top-level page may show. */
export function confirmationUrl(shop: ShopState, apiKey: string, sub: AppSubscriptionRecord): string {
  const path = `/admin/charges/${appNumericId(apiKey)}/${sub.id}/RecurringApplicationCharge/confirm_recurring_application_charge`;
  return `https://${shop.domain}${path}?signature=${sub.signature}`;
}

/** Billing runs on the real clock: Shopify bills in real time, whatever a test fixed the store's "now" to. */
export function settleBilling(gql: GqlContext): void {
  emitInBackground(gql, advanceAppSubscriptions(gql.shop, Date.now()));
}

function emitInBackground(gql: GqlContext, events: WebhookEvent[], appCaused = false): void {
  if (events.length > 0) inBackground(gql.sim, emitWebhooks(gql.sim, gql.shop, events, { appCaused }));
}

const failed = (field: string[] | null, message: string) => ({ appSubscription: null, confirmationUrl: null, userErrors: [userError(field, message)] });

function readLineItem(items: LineItemInput[]): { ok: true; value: Pick<NewSubscription, "price" | "interval"> } | { ok: false; field: string[]; message: string } {
  if (items.length === 0) return { ok: false, field: ["lineItems"], message: "Line items can't be blank" };
  const recurring = items.filter((item) => item.plan?.appRecurringPricingDetails);
  if (recurring.length > 1) return { ok: false, field: ["lineItems"], message: "Only one pricing plan can be defined for each available type" };
  const details = recurring[0]?.plan?.appRecurringPricingDetails;
  if (!details) return { ok: false, field: ["lineItems"], message: "The simulator bills recurring line items only; give appRecurringPricingDetails" };
  const index = items.indexOf(recurring[0]!);
  const amount = Number(details.price?.amount);
  if (!Number.isFinite(amount) || amount <= 0) {
    return { ok: false, field: ["lineItems", String(index), "plan", "appRecurringPricingDetails", "price", "amount"], message: "Price must be greater than 0" };
  }
  const interval = details.interval === "ANNUAL" ? "ANNUAL" : "EVERY_30_DAYS";
  return { ok: true, value: { price: { amount: amount.toFixed(2), currencyCode: details.price?.currencyCode ?? "USD" }, interval } };
}

export const appSubscriptionCreate: Resolver = (_source, args, gql) => {
  settleBilling(gql);
  const name = String(args.name ?? "").trim();
  if (!name) return failed(["name"], "Name can't be blank");
  let returnUrl: URL;
  try {
    returnUrl = new URL(String(args.returnUrl));
  } catch {
    return failed(["returnUrl"], "Return url is not a valid URL");
  }
  if (returnUrl.protocol !== "https:" && returnUrl.protocol !== "http:") return failed(["returnUrl"], "Return url is not a valid URL");
  const trialDays = typeof args.trialDays === "number" ? args.trialDays : 0;
  if (trialDays < 0) return failed(["trialDays"], "Trial days must be greater than or equal to 0");
  const test = args.test === true;
  if (gql.shop.plan.partnerDevelopment && !test) return failed(null, "Development stores can only accept test charges: set test to true");
  const line = readLineItem((args.lineItems as LineItemInput[] | undefined) ?? []);
  if (!line.ok) return failed(line.field, line.message);
  const replacementBehavior = (args.replacementBehavior as ReplacementBehavior | undefined) ?? "STANDARD";
  const sub = createAppSubscription(gql.shop, { name, test, trialDays, returnUrl: returnUrl.toString(), replacementBehavior, ...line.value }, Date.now());
  return { appSubscription: appSubscriptionNode(sub), confirmationUrl: confirmationUrl(gql.shop, gql.sim.options.app.apiKey, sub), userErrors: [] };
};

export const appSubscriptionCancel: Resolver = (_source, args, gql) => {
  settleBilling(gql);
  const { type, id } = parseId(String(args.id));
  const sub = type === "AppSubscription" ? findAppSubscription(gql.shop, id) : undefined;
  if (!sub) return { appSubscription: null, userErrors: [userError(["id"], "Subscription not found")] };
  if (sub.status !== "ACTIVE" && sub.status !== "PENDING" && sub.status !== "FROZEN") {
    return { appSubscription: null, userErrors: [userError(["id"], `Subscription is ${sub.status.toLowerCase()} and cannot be cancelled`)] };
  }
  emitInBackground(gql, cancelAppSubscription(gql.shop, sub, Date.now()), true);
  return { appSubscription: appSubscriptionNode(sub), userErrors: [] };
};

/** `currentAppInstallation.activeSubscriptions`: the one subscription billed now, if any. */
export function activeSubscriptionNodes(gql: GqlContext) {
  settleBilling(gql);
  return gql.shop.appSubscriptions.filter((sub) => sub.status === "ACTIVE").map(appSubscriptionNode);
}

export function appSubscriptionByGid(gql: GqlContext, id: string) {
  settleBilling(gql);
  const sub = findAppSubscription(gql.shop, id);
  return sub ? appSubscriptionNode(sub) : null;
}
