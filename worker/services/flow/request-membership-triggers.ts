import type { ShopifyWriteMessage } from "../../../queues/messages.ts";
import type { TenantContext } from "../../context/deps.ts";
import { enabledTriggers } from "./enabled-triggers.ts";
import { FLOW_TRIGGERS } from "./flow-handles.ts";

export type MembershipChange = { segmentId: string; computedAt: number; entered: number; left: number };

/** Queues Flow triggers for who entered or left at `computedAt`, only for triggers the shop has a workflow on. */
export async function requestMembershipTriggers(args: { ctx: TenantContext; input: MembershipChange }): Promise<void> {
  const { ctx, input } = args;
  const enabled = await enabledTriggers({ ctx });
  const messages: ShopifyWriteMessage[] = [];
  const base = { type: "segment_flow_triggers", tenantId: ctx.tenantId, segmentId: input.segmentId, computedAt: input.computedAt, after: null } as const;
  if (input.entered > 0 && enabled.has(FLOW_TRIGGERS.segmentEntered)) messages.push({ ...base, direction: "entered" });
  if (input.left > 0 && enabled.has(FLOW_TRIGGERS.segmentLeft)) messages.push({ ...base, direction: "left" });
  if (messages.length > 0) await ctx.env.SHOPIFY_WRITES_QUEUE.sendBatch(messages.map((body) => ({ body })));
}
