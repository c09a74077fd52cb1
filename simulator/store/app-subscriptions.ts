import { randomBytes } from "node:crypto";
import { DAY } from "../lib/time.ts";
import type { AppSubscriptionRecord, AppSubscriptionStatus, ReplacementBehavior, ShopState } from "../types.ts";
import { appSubscriptionPayload } from "../webhooks/payloads/app-subscription.ts";
import type { WebhookEvent } from "../webhooks/emit.ts";
import { takeId } from "./next-id.ts";

/** Shopify expires a subscription the merchant has not approved within two days. */
const APPROVAL_WINDOW_MS = 2 * DAY;

export type NewSubscription = Pick<AppSubscriptionRecord, "name" | "test" | "trialDays" | "returnUrl" | "replacementBehavior" | "price" | "interval">;

export function createAppSubscription(shop: ShopState, input: NewSubscription, now: number): AppSubscriptionRecord {
  const record: AppSubscriptionRecord = {
    ...input,
    id: takeId(shop.nextId, "misc"),
    status: "PENDING",
    signature: randomBytes(12).toString("base64url"),
    createdAt: now,
    updatedAt: now,
    approvedAt: null,
    activatedAt: null,
    currentPeriodEnd: null,
  };
  shop.appSubscriptions.push(record);
  return record;
}

export const findAppSubscription = (shop: ShopState, id: string) => shop.appSubscriptions.find((sub) => sub.id === id);

/** The subscription billed now; Shopify keeps at most one per app. */
export const activeSubscription = (shop: ShopState) => shop.appSubscriptions.find((sub) => sub.status === "ACTIVE");

function setStatus(shop: ShopState, sub: AppSubscriptionRecord, status: AppSubscriptionStatus, now: number): WebhookEvent {
  sub.status = status;
  sub.updatedAt = now;
  if (status !== "ACTIVE") sub.currentPeriodEnd = null;
  return { topic: "app_subscriptions/update", payload: appSubscriptionPayload(shop, sub) };
}

const periodMs = (sub: AppSubscriptionRecord) => (sub.interval === "ANNUAL" ? 365 : 30) * DAY;

/** Billing begins after the trial, which starts the day the merchant approves (Shopify's `trialDays`). */
function activate(shop: ShopState, sub: AppSubscriptionRecord, now: number): WebhookEvent {
  sub.activatedAt = now;
  const event = setStatus(shop, sub, "ACTIVE", now);
  sub.currentPeriodEnd = now + (sub.trialDays > 0 ? sub.trialDays * DAY : periodMs(sub));
  return event;
}

/** Whether approving waits for the current subscription's period to end (APPLY_ON_NEXT_BILLING_CYCLE; STANDARD only between annual plans). */
function deferred(behavior: ReplacementBehavior, current: AppSubscriptionRecord, next: AppSubscriptionRecord): boolean {
  if (next.price.currencyCode !== current.price.currencyCode) return false;
  if (behavior === "APPLY_ON_NEXT_BILLING_CYCLE") return true;
  return behavior === "STANDARD" && current.interval === "ANNUAL" && (next.interval === "EVERY_30_DAYS" || Number(next.price.amount) < Number(current.price.amount));
}

/** The merchant approves on the confirmation page: the new subscription replaces the active one now, or at its period's end. */
export function approveAppSubscription(shop: ShopState, sub: AppSubscriptionRecord, now: number): WebhookEvent[] {
  sub.approvedAt = now;
  const current = activeSubscription(shop);
  if (current && deferred(sub.replacementBehavior, current, sub)) return [];
  const events = current ? [setStatus(shop, current, "CANCELLED", now)] : [];
  return [...events, activate(shop, sub, now)];
}

export function declineAppSubscription(shop: ShopState, sub: AppSubscriptionRecord, now: number): WebhookEvent[] {
  return [setStatus(shop, sub, "DECLINED", now)];
}

export function cancelAppSubscription(shop: ShopState, sub: AppSubscriptionRecord, now: number): WebhookEvent[] {
  return [setStatus(shop, sub, "CANCELLED", now)];
}

/** Merchant-side billing events a test plays: a frozen shop (unpaid bill), its thaw, an expiry. */
export function setAppSubscriptionStatus(shop: ShopState, sub: AppSubscriptionRecord, status: "ACTIVE" | "FROZEN" | "EXPIRED" | "CANCELLED", now: number): WebhookEvent[] {
  if (status !== "ACTIVE") return [setStatus(shop, sub, status, now)];
  const event = setStatus(shop, sub, "ACTIVE", now);
  sub.currentPeriodEnd = now + periodMs(sub);
  return [event];
}

/**
 * The active subscription's period ends at `now`: an approved, deferred replacement takes over (the old one is
 * cancelled), otherwise it renews for another period.
 */
export function endBillingPeriod(shop: ShopState, now: number): WebhookEvent[] {
  const current = activeSubscription(shop);
  if (!current) return [];
  const next = shop.appSubscriptions.find((sub) => sub.status === "PENDING" && sub.approvedAt !== null);
  if (!next) {
    current.currentPeriodEnd = now + periodMs(current);
    return [];
  }
  return [setStatus(shop, current, "CANCELLED", now), activate(shop, next, now)];
}

/** Time passing in the store: unapproved subscriptions expire after two days, and periods that ended roll over. */
export function advanceAppSubscriptions(shop: ShopState, now: number): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const sub of shop.appSubscriptions) {
    if (sub.status === "PENDING" && sub.approvedAt === null && now - sub.createdAt > APPROVAL_WINDOW_MS) events.push(setStatus(shop, sub, "EXPIRED", now));
  }
  const current = activeSubscription(shop);
  if (current?.currentPeriodEnd && current.currentPeriodEnd <= now) events.push(...endBillingPeriod(shop, current.currentPeriodEnd));
  return events;
}

/** Uninstalling cancels every subscription of the app; the app hears nothing more (it is uninstalled). */
export function cancelAppSubscriptionsOnUninstall(shop: ShopState, now: number): void {
  for (const sub of shop.appSubscriptions) if (sub.status === "ACTIVE" || sub.status === "PENDING" || sub.status === "FROZEN") setStatus(shop, sub, "CANCELLED", now);
}
