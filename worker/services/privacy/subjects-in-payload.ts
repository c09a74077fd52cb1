import { parseShopifyJson } from "../../shopify/payload/parse-shopify-json.ts";
import type { Subject, SubjectKind } from "./subject-hash.ts";

const KEY_KINDS: Record<string, SubjectKind> = {
  email: "email",
  contact_email: "email",
  phone: "phone",
  customer_id: "customer_id",
  customerId: "customer_id",
  checkout_token: "checkout_token",
  checkoutToken: "checkout_token",
  cart_token: "cart_token",
  cartToken: "cart_token",
  clientId: "client_id",
  client_id: "client_id",
  order_id: "order_id",
  orderId: "order_id",
};

// A raw body's own `id` is a customer or an order by its topic; nested objects say what they are by their key.
const ID_KINDS_BY_KEY: Record<string, SubjectKind> = { customer: "customer_id", order: "order_id" };
const ID_KIND_BY_TOPIC: [RegExp, SubjectKind][] = [
  [/^customers/, "customer_id"],
  [/^orders\//, "order_id"],
];

const MAX_DEPTH = 8;

/**
 * The identifiers a raw payload names (a webhook body, a pixel event, a queued message), found by key anywhere in
 * it. Used to drop raw input about a redacted customer instead of quarantining it.
 */
export function subjectsInPayload(payload: unknown, topic: string | null = null): Subject[] {
  const found: Subject[] = [];
  const rootIdKind = topic ? ID_KIND_BY_TOPIC.find(([pattern]) => pattern.test(topic))?.[1] : undefined;
  const visit = (value: unknown, idKind: SubjectKind | undefined, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, undefined, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const kind = key === "id" ? idKind : KEY_KINDS[key];
      if (kind && (typeof child === "string" || typeof child === "number")) found.push({ kind, value: String(child) });
      else visit(child, ID_KINDS_BY_KEY[key], depth + 1);
    }
  };
  visit(payload, rootIdKind, 0);
  return found;
}

/** `subjectsInPayload` of a text that may or may not be JSON (a quarantined body, a dead letter). */
export function subjectsInText(text: string, topic: string | null = null): Subject[] {
  const parsed = parseShopifyJson(text);
  return parsed.ok ? subjectsInPayload(parsed.value, topic) : [];
}
