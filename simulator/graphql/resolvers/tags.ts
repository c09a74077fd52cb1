import { parseId } from "../../lib/ids.ts";
import { storeNow } from "../../store/create-shop.ts";
import { inBackground } from "../../webhooks/dispatch.ts";
import { emitWebhooks, type WebhookEvent } from "../../webhooks/emit.ts";
import { customerPayload } from "../../webhooks/payloads/customer.ts";
import { orderPayload } from "../../webhooks/payloads/order.ts";
import { productEvent } from "../../webhooks/payloads/product.ts";
import { requireScopes, userError, type GqlContext, type Resolver } from "../context.ts";
import { customerNode } from "./customers.ts";
import { orderConnection } from "./orders.ts";
import { productNode } from "./products.ts";

interface Taggable {
  tags?: string[];
  updatedAt: number;
}

const SCOPE_BY_TYPE: Record<string, string> = { Customer: "write_customers", Product: "write_products", Order: "write_orders" };

interface Target {
  type: string;
  record: Taggable;
  event: () => WebhookEvent;
  view: () => unknown;
}

function findTarget(gql: GqlContext, rawId: string): Target | null {
  const { type, id } = parseId(rawId);
  const shop = gql.shop;
  if (type === "Customer") {
    const index = shop.index.customers.get(id) ?? -1;
    const record = shop.customers[index];
    return record ? { type, record, event: () => ({ topic: "customers/update", payload: customerPayload(shop, record) }), view: () => customerNode(gql, index) } : null;
  }
  if (type === "Product") {
    const index = shop.index.products.get(id) ?? -1;
    const record = shop.products[index];
    if (!record || record.deletedAt !== null) return null;
    return { type, record, event: () => productEvent(shop, record, "products/update"), view: () => productNode(gql, index) };
  }
  if (type === "Order") {
    const index = shop.index.orders.get(id) ?? -1;
    const record = shop.orders[index];
    return record ? { type, record, event: () => ({ topic: "orders/updated", payload: orderPayload(shop, record) }), view: () => orderConnection.node(gql, index) } : null;
  }
  return null;
}

function normalise(tags: string[]): string[] {
  return tags.flatMap((tag) => tag.split(",")).map((tag) => tag.trim()).filter((tag) => tag.length > 0);
}

/** Tags are case-insensitive on Shopify: adding `VIP` to a customer tagged `vip` changes nothing. */
function mergeTags(current: string[], added: string[]): string[] {
  const seen = new Set(current.map((tag) => tag.toLowerCase()));
  const next = [...current];
  for (const tag of added) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    next.push(tag);
  }
  return next;
}

function changeTags(mode: "add" | "remove"): Resolver {
  return (_source, args, gql) => {
    const target = findTarget(gql, String(args.id));
    if (!target) return { node: null, userErrors: [userError(["id"], "Resource not found")] };
    requireScopes(gql, mode === "add" ? "tagsAdd" : "tagsRemove", [SCOPE_BY_TYPE[target.type]!]);
    const tags = normalise(args.tags as string[]);
    if (tags.some((tag) => tag.length > 255)) return { node: null, userErrors: [userError(["tags"], "Tags is invalid: each tag must be 255 characters or fewer")] };
    const current = target.record.tags ?? [];
    const next = mode === "add" ? mergeTags(current, tags) : current.filter((tag) => !tags.some((t) => t.toLowerCase() === tag.toLowerCase()));
    if (next.length !== current.length) {
      target.record.tags = next;
      target.record.updatedAt = storeNow(gql.shop);
      inBackground(gql.sim, emitWebhooks(gql.sim, gql.shop, [target.event()], { appCaused: true }));
    }
    return { node: target.view(), userErrors: [] };
  };
}

export const tagsAdd = changeTags("add");
export const tagsRemove = changeTags("remove");
