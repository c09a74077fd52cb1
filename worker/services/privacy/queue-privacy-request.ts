import type { PrivacyMessage } from "../../../queues/messages.ts";
import type { Deps } from "../../context/deps.ts";

/** Sends a request's next slice of work to the privacy queue; the run itself decides whether anything is left. */
export async function queuePrivacyRequest(args: { ctx: Deps; input: { requestId: string; delaySeconds?: number } }): Promise<void> {
  const { ctx, input } = args;
  const message: PrivacyMessage = { type: "privacy_request", requestId: input.requestId };
  await ctx.env.PRIVACY_QUEUE.send(message, { delaySeconds: input.delaySeconds ?? 0 });
}
