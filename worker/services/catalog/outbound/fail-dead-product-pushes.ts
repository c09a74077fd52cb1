import { sql } from "drizzle-orm";
import { QUEUE_NAMES, ShopifyWriteMessageSchema } from "../../../../queues/messages.ts";
import { productsTable } from "../../../db/schema/index.ts";
import { inJsonValues } from "../../../db/sql-json.ts";
import { col } from "../../../db/sql-names.ts";
import { forTenant, type Deps } from "../../../context/deps.ts";

export const DEAD_PUSH_REASON = "not sent: Shopify could not be reached, retries exhausted (kept in dead letters)";

/**
 * A `product_push` whose retries ran out would leave its products pending for ever: they become `failed`, with why
 * and the last error Shopify gave, as any outbound failure. Only products still waiting on the request that queued
 * the message (`requestedAt`): a newer request has its own message. Answers how many products failed.
 */
export async function failDeadProductPushes(args: { ctx: Deps; input: { queue: string; bodies: readonly unknown[] } }): Promise<number> {
  const { ctx, input } = args;
  if (input.queue !== QUEUE_NAMES.shopifyWrites) return 0;
  let failed = 0;
  for (const body of input.bodies) {
    const parsed = ShopifyWriteMessageSchema.safeParse(body);
    if (!parsed.success || parsed.data.type !== "product_push" || parsed.data.requestedAt === undefined) continue;
    const { tenantId, productIds, requestedAt } = parsed.data;
    const tenant = forTenant(ctx, tenantId);
    const rows = await tenant.db.all<{ id: string }>(sql`
      update ${productsTable} set ${col(productsTable.outboundState)} = 'failed',
        ${col(productsTable.outboundError)} = ${DEAD_PUSH_REASON} || coalesce('; last error: ' || ${productsTable.outboundError}, '')
      where ${productsTable.tenantId} = ${tenantId} and ${inJsonValues(productsTable.id, productIds)} and ${productsTable.outboundState} = 'pending'
        and ${productsTable.outboundRequestedAt} = ${requestedAt}
      returning ${col(productsTable.id)}`);
    failed += rows.length;
  }
  return failed;
}
