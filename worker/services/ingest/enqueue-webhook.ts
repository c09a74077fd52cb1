import type { WebhookDeliveryMessage } from "../../../queues/messages.ts";
import { ingestPayloadsTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";

export type AcceptedDelivery = Omit<WebhookDeliveryMessage, "type" | "body" | "payloadId"> & { body: string };

// Queue messages are capped at 128 KB; the rest of the message stays well under 4 KB.
const QUEUE_BUDGET_BYTES = 100_000;

/** Enqueues a verified delivery; only a body too large for a queue message (UTF-8 bytes) is written to D1 first. */
export async function enqueueWebhook(args: { ctx: Deps; input: { delivery: AcceptedDelivery; bodyBytes: number } }): Promise<void> {
  const { ctx, input } = args;
  const { delivery, bodyBytes } = input;
  if (bodyBytes <= QUEUE_BUDGET_BYTES) {
    await ctx.env.INGEST_QUEUE.send({ type: "webhook", ...delivery } satisfies WebhookDeliveryMessage);
    return;
  }
  const { body, ...rest } = delivery;
  const payloadId = `pay_${crypto.randomUUID()}`;
  await ctx.db.insert(ingestPayloadsTable).values({ id: payloadId, tenantId: null, shopDomain: delivery.shop, body, createdAt: new Date(delivery.receivedAt) });
  await ctx.env.INGEST_QUEUE.send({ type: "webhook", ...rest, payloadId } satisfies WebhookDeliveryMessage);
}
