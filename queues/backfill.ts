import { createBackfillContext } from "../worker/services/backfill/backfill-context.ts";
import { dispatchBackfillMessage } from "../worker/services/backfill/dispatch-backfill-message.ts";
import type { Deps } from "../worker/context/deps.ts";
import { BackfillMessageSchema } from "./backfill-messages.ts";
import { erasedTenantsOf, isErased } from "./drop-erased.ts";
import { runMessages, type BatchOutcome } from "./run-messages.ts";

export async function consumeBackfill(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  const erased = await erasedTenantsOf(batch, deps);
  return runMessages(batch, BackfillMessageSchema, deps, async (message) => {
    if (isErased(erased, message, deps)) return;
    await dispatchBackfillMessage({ ctx: await createBackfillContext({ ctx: deps, input: { tenantId: message.tenantId } }), input: message });
  });
}
