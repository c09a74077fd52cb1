import { desc, eq } from "drizzle-orm";
import type { TenantControl } from "../../context/deps.ts";
import { billingSubscriptionsTable } from "../../db/schema/index.ts";
import { deriveBillingState, type BillingState } from "./billing-state.ts";
import { readSettledTrialDays } from "./trial-ledger.ts";

/** The tenant's subscriptions and the shop's settled trial days, read together and turned into what is in force. */
export async function loadBillingState(args: { ctx: TenantControl; input: { shopDomain: string; now: number } }): Promise<BillingState> {
  const { ctx, input } = args;
  const [rows, settled] = await Promise.all([
    ctx.db.select().from(billingSubscriptionsTable).where(eq(billingSubscriptionsTable.tenantId, ctx.tenantId)).orderBy(desc(billingSubscriptionsTable.createdAt)),
    readSettledTrialDays({ ctx, input: { shopDomain: input.shopDomain } }),
  ]);
  return deriveBillingState(rows, settled, input.now);
}
