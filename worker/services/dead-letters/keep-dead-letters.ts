import type { Deps } from "../../context/deps.ts";
import { failDeadProductPushes } from "../catalog/outbound/fail-dead-product-pushes.ts";
import { findErasedMessages } from "../privacy/index.ts";
import { recordDeadLetters, type DeadLetter, type StoredMessage } from "./record-dead-letters.ts";

/**
 * Records dead letters in `dead_letters`, except those of an erased tenant or shop or naming a redacted customer:
 * a dead letter would keep their data again; then fails the catalog-out products a dead `product_push` leaves
 * pending. Idempotent (one row per queue message). Throws when D1 does.
 */
export async function keepDeadLetters(args: { ctx: Deps; input: { queue: string; letters: readonly DeadLetter<StoredMessage>[] } }): Promise<{ kept: number; dropped: number }> {
  const { ctx, input } = args;
  const erased = await findErasedMessages({ ctx, input: { bodies: input.letters.map((letter) => letter.message.body) } });
  const kept = input.letters.filter((_letter, i) => !erased.has(i));
  if (kept.length > 0) await recordDeadLetters({ ctx, input: { queue: input.queue, letters: kept } });
  const failedProducts = await failDeadProductPushes({ ctx, input: { queue: input.queue, bodies: kept.map((letter) => letter.message.body) } });
  if (failedProducts > 0) ctx.log.warn("catalog-out products failed: their push was dead-lettered", { queue: input.queue, count: failedProducts });
  return { kept: kept.length, dropped: erased.size };
}
