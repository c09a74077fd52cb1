import type { Deps } from "../../context/deps.ts";
import { deadLettersTable } from "../../db/schema/index.ts";
import { bytesToHex } from "../../lib/encoding.ts";

const D1_ROWS_PER_STATEMENT = 10;

function field(body: unknown, name: "tenantId" | "shop"): string | null {
  if (body && typeof body === "object" && name in body) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === "string") return value;
  }
  return null;
}

/** What a dead letter keeps of its message; a queue consumer passes the `Message` itself, to ack it afterwards. */
export type StoredMessage = Pick<Message<unknown>, "id" | "body" | "attempts">;
export type DeadLetter<M extends StoredMessage = Message<unknown>> = { message: M; reason: string };

/** One row per queue message, however often it is delivered or its write retried: the id comes from the message's. */
async function deadLetterId(queue: string, messageId: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${queue}\n${messageId}`));
  return `dlq_${bytesToHex(new Uint8Array(digest)).slice(0, 24)}`;
}

/** Keeps messages that cannot be processed, each with why, so an operator can read and replay them. */
export async function recordDeadLetters(args: { ctx: Deps; input: { queue: string; letters: readonly DeadLetter<StoredMessage>[] } }): Promise<void> {
  const { ctx, input } = args;
  const { queue } = input;
  const now = new Date();
  const rows = await Promise.all(input.letters.map(async ({ message, reason }) => ({
    id: await deadLetterId(queue, message.id),
    queue,
    messageId: message.id,
    tenantId: field(message.body, "tenantId"),
    shopDomain: field(message.body, "shop"),
    body: JSON.stringify({ reason, body: message.body }),
    attempts: message.attempts,
    receivedAt: now,
  })));
  const statements = [];
  for (let i = 0; i < rows.length; i += D1_ROWS_PER_STATEMENT) {
    statements.push(ctx.db.insert(deadLettersTable).values(rows.slice(i, i + D1_ROWS_PER_STATEMENT)).onConflictDoNothing());
  }
  const [first, ...rest] = statements;
  if (first) await ctx.db.batch([first, ...rest]);
}
