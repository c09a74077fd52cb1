import { createBackfillContext } from "../backfill/backfill-context.ts";
import { handleBulkOperationFinish } from "../backfill/handle-bulk-operation-finish.ts";
import type { Deps } from "../../context/deps.ts";
import type { LifecycleEffect } from "./lifecycle-plan.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { findTenantById } from "../tenants/find-tenant.ts";
import { queuePrivacyRequest } from "../privacy/index.ts";
import { settleTenantTrialDays } from "../billing/settle-tenant-trial-days.ts";

/**
 * The Durable Object and queue calls of lifecycle topics, run once their plan is written and in order. Each is
 * idempotent: a failure retries the message, whose redelivery plans and runs its effects again.
 */
export async function runLifecycleEffects(args: { ctx: Deps; input: { effects: readonly LifecycleEffect[] } }): Promise<void> {
  const { ctx, input } = args;
  for (const effect of input.effects) {
    switch (effect.type) {
      case "stop_tenant": {
        // A reinstall since the uninstall was written keeps its new token and setup alarm.
        if ((await findTenantById({ ctx, input: { tenantId: effect.tenantId } }))?.status !== "uninstalled") break;
        const tenant = tenantObject(ctx.env, effect.tenantId);
        await tenant.dropTokens();
        await tenant.stopWork();
        ctx.log.info("app uninstalled", { tenant: effect.tenantId });
        break;
      }
      case "clear_access_denied":
        await tenantObject(ctx.env, effect.tenantId).clearAccessDenied();
        break;
      case "poll_bulk_operation":
        await handleBulkOperationFinish({ ctx: await createBackfillContext({ ctx, input: { tenantId: effect.tenantId } }), input: { operationId: effect.operationId } });
        break;
      case "run_privacy_request":
        await queuePrivacyRequest({ ctx, input: { requestId: effect.requestId } });
        break;
      case "settle_trial_days":
        await settleTenantTrialDays({ ctx, input: { tenantId: effect.tenantId } });
        break;
    }
  }
}
