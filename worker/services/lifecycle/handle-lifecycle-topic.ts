import { createBackfillContext } from "../backfill/backfill-context.ts";
import { handleBulkOperationFinish } from "../backfill/handle-bulk-operation-finish.ts";
import type { TenantContext } from "../../context/deps.ts";
import { handleAppUninstalled } from "./handle-app-uninstalled.ts";
import { handleScopesUpdate } from "./handle-scopes-update.ts";

export const LIFECYCLE_TOPICS = ["app/uninstalled", "app/scopes_update", "bulk_operations/finish", "app_subscriptions/update"] as const;

export type LifecycleOutcome = { handled: true } | { handled: false; reason: string };

/** Lifecycle, bulk and billing topics: not canonical events, each goes to the service that owns it. */
export async function handleLifecycleTopic(ctx: TenantContext, topic: string, payload: unknown): Promise<LifecycleOutcome> {
  switch (topic) {
    case "app/uninstalled":
      await handleAppUninstalled(ctx);
      return { handled: true };
    case "app/scopes_update":
      return (await handleScopesUpdate(ctx, payload)) ? { handled: true } : { handled: false, reason: "scopes_update payload without `current`" };
    case "bulk_operations/finish":
      return (await handleBulkOperationFinish(createBackfillContext(ctx, ctx.tenantId), payload))
        ? { handled: true }
        : { handled: false, reason: "bulk_operations/finish payload without `admin_graphql_api_id`" };
    default:
      return { handled: false, reason: `no handler for lifecycle topic ${topic}` };
  }
}
