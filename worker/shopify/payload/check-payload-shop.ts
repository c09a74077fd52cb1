import { isHandledTopic } from "../webhook-topics.ts";

type Payload = Record<string, unknown>;

/**
 * Why a payload cannot be the `topic` its headers name for `shop`, or null. The HMAC covers the body, not the
 * headers: a signed body of one topic re-sent under another topic or shop must not act on the shop the headers name.
 */
export function payloadShopProblem(topic: string, shop: string, payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return `${topic} payload is not an object`;
  const body = payload as Payload;
  if (isHandledTopic(topic, "compliance")) return complianceProblem(topic, shop, body);
  if (topic === "app/uninstalled") {
    // The shop object: Shopify's own samples leave myshopify_domain null, no other payload has the field.
    if (!("myshopify_domain" in body) || !("id" in body)) return "app/uninstalled payload is not a shop object (no id and myshopify_domain)";
    const named = body.myshopify_domain;
    if (named !== null && named !== shop) return `app/uninstalled payload names shop ${String(named)}, not ${shop}`;
  }
  return null;
}

function complianceProblem(topic: string, shop: string, body: Payload): string | null {
  if (body.shop_domain !== shop) return `${topic} payload's shop_domain is ${body.shop_domain === undefined ? "missing" : String(body.shop_domain)}, not ${shop}`;
  if (!("shop_id" in body)) return `${topic} payload has no shop_id`;
  if (topic !== "shop/redact" && (typeof body.customer !== "object" || body.customer === null)) return `${topic} payload has no customer`;
  return null;
}
