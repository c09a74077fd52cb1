import type { WebhookDeliveryMessage } from "../../../queues/messages.ts";
import { ingestPayloadsTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";

export type AcceptedDelivery = Omit<WebhookDeliveryMessage, "type" | "body" | "payloadId"> & { body: string };

// Queue messages are capped at 128 KB; the rest of the message stays well under 4 KB.
const QUEUE_BUDGET_BYTES = 100_000;

/**
 * What `body` weighs in a queue message: messages are V8-serialized, where a string with any character outside
 * Latin-1 takes two bytes per character (95 KB of ASCII and one "€" is 190 KB), and JSON content takes its UTF-8 size.
 */
export function queuedBodyBytes(body: string, utf8Bytes: number): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is Latin-1 itself, control characters included.
  const twoByte = /[^\u0000-\u00ff]/.test(body);
  return Math.max(utf8Bytes, twoByte ? body.length * 2 : body.length);
}

/** Enqueues a verified delivery; only a body too large for a queue message is written to D1 first. */
export async function enqueueWebhook(args: { ctx: Deps; input: { delivery: AcceptedDelivery; bodyBytes: number } }): Promise<void> {
  const { ctx, input } = args;
  const { delivery, bodyBytes } = input;
  if (queuedBodyBytes(delivery.body, bodyBytes) <= QUEUE_BUDGET_BYTES) {
    await ctx.env.INGEST_QUEUE.send({ type: "webhook", ...delivery } satisfies WebhookDeliveryMessage);
    return;
  }
  const { body, ...rest } = delivery;
  const payloadId = `pay_${crypto.randomUUID()}`;
  await ctx.db.insert(ingestPayloadsTable).values({ id: payloadId, tenantId: null, shopDomain: delivery.shop, body, createdAt: new Date(delivery.receivedAt) });
  await ctx.env.INGEST_QUEUE.send({ type: "webhook", ...rest, payloadId } satisfies WebhookDeliveryMessage);
}
