import type { Deps } from "../../context/deps.ts";
import { findErasedMessages } from "../privacy/index.ts";
import { recordDeadLetters, type DeadLetter, type StoredMessage } from "./record-dead-letters.ts";

/**
 * Records dead letters in `dead_letters`, except those of an erased tenant or shop or naming a redacted customer:
 * a dead letter would keep their data again. Idempotent (one row per queue message). Throws when D1 does.
 */
export async function keepDeadLetters(args: { ctx: Deps; input: { queue: string; letters: readonly DeadLetter<StoredMessage>[] } }): Promise<{ kept: number; dropped: number }> {
  const { ctx, input } = args;
  const erased = await findErasedMessages({ ctx, input: { bodies: input.letters.map((letter) => letter.message.body) } });
  const kept = input.letters.filter((_letter, i) => !erased.has(i));
  if (kept.length > 0) await recordDeadLetters({ ctx, input: { queue: input.queue, letters: kept } });
  return { kept: kept.length, dropped: erased.size };
}
