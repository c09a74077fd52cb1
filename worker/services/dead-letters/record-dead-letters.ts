import type { Deps } from "../../context/deps.ts";
import { deadLettersTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

const D1_ROWS_PER_STATEMENT = 10;

function field(body: unknown, name: "tenantId" | "shop"): string | null {
  if (body && typeof body === "object" && name in body) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === "string") return value;
  }
  return null;
}

export type DeadLetter = { message: Message<unknown>; reason: string };

/** Keeps messages that cannot be processed, each with why, so an operator can read and replay them. */
export async function recordDeadLetters(args: { ctx: Deps; input: { queue: string; letters: readonly DeadLetter[] } }): Promise<void> {
  const { ctx, input } = args;
  const { queue } = input;
  const now = new Date();
  const rows = input.letters.map(({ message, reason }) => ({
    id: newId("deadLetter"),
    queue,
    messageId: message.id,
    tenantId: field(message.body, "tenantId"),
    shopDomain: field(message.body, "shop"),
    body: JSON.stringify({ reason, body: message.body }),
    attempts: message.attempts,
    receivedAt: now,
  }));
  const statements = [];
  for (let i = 0; i < rows.length; i += D1_ROWS_PER_STATEMENT) {
    statements.push(ctx.db.insert(deadLettersTable).values(rows.slice(i, i + D1_ROWS_PER_STATEMENT)));
  }
  const [first, ...rest] = statements;
  if (first) await ctx.db.batch([first, ...rest]);
}
