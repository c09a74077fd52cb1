import type { Deps } from "../worker/services/deps.ts";
import { IngestMessageSchema } from "./messages.ts";
import { runMessages, type BatchOutcome } from "./run-messages.ts";

export async function consumeIngest(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  return runMessages(batch, IngestMessageSchema, deps, async () => {});
}
