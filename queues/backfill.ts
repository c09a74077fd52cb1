import type { Deps } from "../worker/services/deps.ts";
import { BackfillMessageSchema } from "./messages.ts";
import { runMessages, type BatchOutcome } from "./run-messages.ts";

export async function consumeBackfill(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  return runMessages(batch, BackfillMessageSchema, deps, async () => {});
}
