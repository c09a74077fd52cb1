import type { Hono } from "hono";
import { rawId } from "../lib/ids.ts";
import { readJson } from "../lib/read-body.ts";
import { findCustomer } from "../store/record-customer.ts";
import { COMPLIANCE_TOPICS } from "../store/topics.ts";
import type { ShopState, SimContext, Via } from "../types.ts";
import { buildDelivery } from "../webhooks/build-delivery.ts";
import { dispatch } from "../webhooks/dispatch.ts";
import { emitWebhooks } from "../webhooks/emit.ts";
import { guarded, requireShop, simError } from "./respond.ts";
import { WEBHOOK_REQUEST } from "./settings-schema.ts";

function compliancePayload(shop: ShopState, topic: string, customerId: string | undefined) {
  const base = { shop_id: rawId(shop.numericId), shop_domain: shop.domain };
  if (topic === "shop/redact") return base;
  const customer = shop.customers[findCustomer(shop, customerId ?? "")]!;
  const orders = customer.orders.map((i) => rawId(shop.orders[i]!.id));
  const who = { id: rawId(customer.id), email: customer.email, phone: customer.phone };
  if (topic === "customers/redact") return { ...base, customer: who, orders_to_redact: orders };
  return { ...base, orders_requested: orders, customer: who, data_request: { id: rawId(String(shop.nextId.misc++)) } };
}

export function registerWebhookRoutes(app: Hono, ctx: SimContext): void {
  app.post("/_sim/shops/:shop/webhooks", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const input = WEBHOOK_REQUEST.parse(await readJson(c));
      if (input.payloadText === undefined && input.payload === undefined) return simError(c, 400, "invalid_input", "payload or payloadText is required");
      const body = input.payloadText ?? JSON.stringify(input.payload);
      const via = COMPLIANCE_TOPICS.has(input.topic) ? "https" : (input.via ?? shop.settings.defaultVia);
      const delivery = buildDelivery(ctx, shop, {
        topic: input.topic,
        body,
        via,
        ...(input.webhookId ? { webhookId: input.webhookId } : {}),
        ...(input.eventId ? { eventId: input.eventId } : {}),
        ...(input.triggeredAt ? { triggeredAt: input.triggeredAt } : {}),
        ...(input.headers ? { headers: input.headers } : {}),
      });
      return c.json({ delivery: await dispatch(ctx, shop, delivery) });
    }),
  );

  // A retry carries the original body, headers and X-Shopify-Webhook-Id, as Shopify's do.
  app.post("/_sim/shops/:shop/deliveries/:id/redeliver", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const original = shop.deliveries.findLast((delivery) => delivery.id === c.req.param("id"));
      if (!original) return simError(c, 404, "delivery_not_found", `No delivery ${c.req.param("id")}`);
      const { status: _status, error: _error, ...request } = original;
      return c.json({ delivery: await dispatch(ctx, shop, { ...request, headers: { ...request.headers } }) });
    }),
  );

  app.post("/_sim/shops/:shop/compliance", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const { topic, customerId } = await readJson<{ topic: string; customerId?: string; via?: Via }>(c);
      if (!COMPLIANCE_TOPICS.has(topic)) return simError(c, 400, "invalid_topic", `${topic} is not a compliance topic`);
      const deliveries = await emitWebhooks(ctx, shop, [{ topic, payload: compliancePayload(shop, topic, customerId) }]);
      return c.json({ deliveries });
    }),
  );
}
