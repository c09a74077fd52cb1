import type { Deps } from "../worker/services/deps.ts";
import { ShopifyWriteMessageSchema } from "./messages.ts";
import { runMessages, type BatchOutcome } from "./run-messages.ts";

export async function consumeShopifyWrites(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  return runMessages(batch, ShopifyWriteMessageSchema, deps, async () => {});
}
