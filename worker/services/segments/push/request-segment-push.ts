import type { ShopifyWriteMessage } from "../../../../queues/messages.ts";
import type { TenantContext } from "../../../context/deps.ts";

/** Queues a push of the segment to Shopify; the consumer works out what to send from the stored state. */
export async function requestSegmentPush(args: { ctx: TenantContext; input: { segmentId: string } }): Promise<void> {
  const { ctx, input } = args;
  const message: ShopifyWriteMessage = { type: "segment_push", tenantId: ctx.tenantId, segmentId: input.segmentId };
  await ctx.env.SHOPIFY_WRITES_QUEUE.send(message);
}
