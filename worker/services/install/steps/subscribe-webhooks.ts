import type { SetupStepRun } from "../setup-steps.ts";
import { ensureWebhookSubscriptions } from "../ensure-webhook-subscriptions.ts";

/** Subscribes the data topics to this deployment's address (HTTPS, or Pub/Sub when configured), as the current revision asks. */
export const subscribeWebhooks: SetupStepRun = async ({ ctx }) => ensureWebhookSubscriptions({ ctx });
