import type { Deps } from "../worker/context/deps.ts";
import { enforceRetention } from "../worker/services/privacy/retention/enforce-retention.ts";
import { runPrivacyRequest } from "../worker/services/privacy/run-privacy-request.ts";
import { createMoveContext } from "../worker/services/shards/move-context.ts";
import { runMoveStep } from "../worker/services/shards/run-move-step.ts";
import { PrivacyMessageSchema, type PrivacyMessage } from "./messages.ts";
import { runMessages, type BatchOutcome } from "./run-messages.ts";

/** Privacy requests, retention and tenant moves, one bounded slice per message; each sends its own continuation when work is left. */
export async function consumePrivacy(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  return runMessages(batch, PrivacyMessageSchema, deps, (body) => handle(body, deps));
}

async function handle(body: PrivacyMessage, deps: Deps): Promise<void> {
  switch (body.type) {
    case "privacy_request":
      await runPrivacyRequest({ ctx: deps, input: { requestId: body.requestId } });
      return;
    case "retention":
      await enforceRetention({ ctx: deps, input: body });
      return;
    case "tenant_move":
      await runMoveStep({ ctx: createMoveContext(deps), input: { moveId: body.moveId, step: body.step } });
      return;
  }
}
