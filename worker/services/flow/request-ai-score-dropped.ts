import type { ShopifyWriteMessage } from "../../../queues/messages.ts";
import type { TenantContext } from "../../context/deps.ts";
import { enabledTriggers } from "./enabled-triggers.ts";
import { FLOW_TRIGGERS } from "./flow-handles.ts";
import { flowResourceId } from "./flow-trigger-mutation.ts";

export type AiScoreChange = { shopifyProductId: string; title: string; previousScore: number; score: number };

/** For the catalog scorer: queues "Product AI score dropped" when a score went down and a workflow listens. */
export async function requestAiScoreDropped(args: { ctx: TenantContext; input: AiScoreChange }): Promise<boolean> {
  const { ctx, input } = args;
  if (input.score >= input.previousScore || !(await enabledTriggers({ ctx })).has(FLOW_TRIGGERS.aiScoreDropped)) return false;
  const message: ShopifyWriteMessage = {
    type: "flow_trigger",
    tenantId: ctx.tenantId,
    handle: FLOW_TRIGGERS.aiScoreDropped,
    payload: {
      product_id: flowResourceId(input.shopifyProductId),
      "product title": input.title,
      "previous score": input.previousScore,
      score: input.score,
    },
  };
  await ctx.env.SHOPIFY_WRITES_QUEUE.send(message);
  return true;
}
