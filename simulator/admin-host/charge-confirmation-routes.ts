import type { Hono } from "hono";
import { appNumericId } from "../graphql/resolvers/app-subscriptions.ts";
import { findAppSubscription } from "../store/app-subscriptions.ts";
import type { AppSubscriptionRecord, SimContext } from "../types.ts";
import { escapeHtml, renderAdminFrame } from "./render-host-page.ts";

const DAY_MS = 86_400_000;

function describeCharge(sub: AppSubscriptionRecord): string {
  const every = sub.interval === "ANNUAL" ? "year" : "30 days";
  const price = `$${sub.price.amount} ${sub.price.currencyCode} every ${every}`;
  const trial = sub.trialDays > 0 ? `Free for ${sub.trialDays} days, then ${price}.` : `${price}, starting today.`;
  return sub.test ? `${trial} This is a test charge: the shop is not billed.` : trial;
}

/** Approve and Decline post to the control API, then go where Shopify would send the merchant: the app's return URL. */
function renderConfirmation(ctx: SimContext, shopDomain: string, sub: AppSubscriptionRecord): string {
  const base = `/_sim/shops/${encodeURIComponent(shopDomain)}/app-subscriptions/${encodeURIComponent(sub.id)}`;
  const script = `for (const button of document.querySelectorAll("[data-decide]")) button.addEventListener("click", async () => {
    for (const other of document.querySelectorAll("[data-decide]")) other.disabled = true;
    const res = await fetch(${JSON.stringify(base)} + "/" + button.dataset.decide, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    const answer = await res.json();
    if (res.ok) location.assign(answer.returnUrl); else document.getElementById("outcome").textContent = "Failed: " + answer.error.message;
  });`;
  const app = escapeHtml(ctx.options.app.handle ?? "segops");
  return `<div class="notice" role="region" aria-label="Approve subscription">
    <h1 style="font-size:16px;margin:0 0 8px">Approve subscription</h1>
    <p><strong>${app}</strong> asks to subscribe you to <strong>${escapeHtml(sub.name)}</strong>.</p>
    <p>${escapeHtml(describeCharge(sub))}</p>
    <button type="button" data-decide="approve">Approve</button>
    <button type="button" data-decide="decline" style="background:#fff;color:#303030;border:1px solid #8a8a8a">Decline</button>
    <p id="outcome" role="status"></p>
  </div><script>${script.replace(/</g, "\\u003c")}</script>`;
}

/**
 * Shopify admin's charge confirmation page (`confirmationUrl` of appSubscriptionCreate), which only a top-level page
 * may show. A signature that does not match, or a subscription already decided, gets Shopify's "not found".
 */
export function registerChargeConfirmationRoutes(app: Hono, ctx: SimContext): void {
  app.get("/:shop/admin/charges/:appId/:id/RecurringApplicationCharge/confirm_recurring_application_charge", (c) => {
    const shop = ctx.shops.get(c.req.param("shop"));
    const sub = shop ? findAppSubscription(shop, c.req.param("id")) : undefined;
    const fresh = sub && sub.status === "PENDING" && sub.approvedAt === null && Date.now() - sub.createdAt <= 2 * DAY_MS;
    const valid = shop && sub && fresh && c.req.param("appId") === appNumericId(ctx.options.app.apiKey) && c.req.query("signature") === sub.signature;
    if (!valid) return c.html("<!doctype html><title>Not found</title><p>This charge does not exist or was already decided.</p>", 404);
    const appPage = `/store/${shop.domain.replace(".myshopify.com", "")}/apps/${ctx.options.app.handle ?? ctx.options.app.apiKey}`;
    return c.html(renderAdminFrame(shop, ctx.options.app.handle ?? "segops", appPage, renderConfirmation(ctx, shop.domain, sub)));
  });
}
