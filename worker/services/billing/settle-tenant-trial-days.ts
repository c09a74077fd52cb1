import type { Deps } from "../../context/deps.ts";
import { findTenantById } from "../tenants/find-tenant.ts";
import { settleTrialDays } from "./trial-ledger.ts";

/** After a subscription ended or the app was uninstalled: the days its trial used go to the shop's ledger row, once. */
export async function settleTenantTrialDays(args: { ctx: Deps; input: { tenantId: string; now?: number } }): Promise<void> {
  const { ctx, input } = args;
  const tenant = await findTenantById({ ctx, input: { tenantId: input.tenantId } });
  if (!tenant?.shopDomain) return;
  await settleTrialDays({ ctx: { ...ctx, tenantId: tenant.id }, input: { shopDomain: tenant.shopDomain, now: input.now ?? Date.now() } });
}
