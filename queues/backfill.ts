import { createBackfillContext } from "../worker/services/backfill/backfill-context.ts";
import { dispatchBackfillMessage } from "../worker/services/backfill/dispatch-backfill-message.ts";
import type { Deps } from "../worker/context/deps.ts";
import { BackfillMessageSchema } from "./backfill-messages.ts";
import { runMessages, type BatchOutcome } from "./run-messages.ts";

export async function consumeBackfill(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  return runMessages(batch, BackfillMessageSchema, deps, (message) => dispatchBackfillMessage({ ctx: createBackfillContext(deps, message.tenantId), input: message }));
}
