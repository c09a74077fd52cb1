import { z } from "zod";
import { base64ToBytes } from "../../lib/encoding.ts";
import { err, ok, type Result } from "../../lib/result.ts";

const EnvelopeSchema = z.object({
  message: z.object({
    data: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().min(1).optional(),
    message_id: z.string().min(1).optional(),
  }),
  subscription: z.string().optional(),
});

export type PubsubMessage = { messageId: string; attributes: Record<string, string>; data: string; dataBytes: number };

const decoder = new TextDecoder();

/** Google's push envelope (reference §1.3, wrapped mode): the message id, attributes and the decoded Shopify body. */
export function readPubsubEnvelope(text: string): Result<PubsubMessage, { message: string }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ message: "The body is not a JSON Pub/Sub push envelope." });
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) return err({ message: "The Pub/Sub envelope has no `message` object." });
  const { message } = parsed.data;
  const messageId = message.messageId ?? message.message_id;
  if (!messageId) return err({ message: "The Pub/Sub message has no messageId." });
  const bytes = message.data === undefined ? null : base64ToBytes(message.data);
  if (!bytes) return err({ message: "The Pub/Sub message data is missing or not base64." });
  return ok({ messageId, attributes: message.attributes ?? {}, data: decoder.decode(bytes), dataBytes: bytes.byteLength });
}
