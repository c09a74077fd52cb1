import { and, eq, lt } from "drizzle-orm";
import { createAdminContext } from "../../context/admin-context.ts";
import type { Deps } from "../../context/deps.ts";
import { tenantsTable } from "../../db/schema/index.ts";
import { errorMessage } from "../../lib/log.ts";
import type { Tenant } from "../tenants/find-tenant.ts";
import { ensureWebhookSubscriptions, WEBHOOKS_REVISION } from "./ensure-webhook-subscriptions.ts";

/**
 * Brings an installed shop's webhook subscriptions to the current revision (e.g. products/* carrying the SEO
 * metafields for shops installed before they were asked for), once: the revision is stored only after Shopify
 * took every change, so a failure is tried again on the next admin load and never fails this one.
 */
export async function refreshWebhookSubscriptions(args: { ctx: Deps; input: { tenant: Tenant } }): Promise<"current" | "updated" | "failed"> {
  const { ctx, input: { tenant } } = args;
  if (tenant.status !== "active" || tenant.webhooksRevision >= WEBHOOKS_REVISION) return "current";
  try {
    const outcome = await ensureWebhookSubscriptions({ ctx: await createAdminContext(ctx, tenant.id) });
    if (!outcome.ok) {
      ctx.log.warn("webhook subscriptions not refreshed", { tenant: tenant.id, error: outcome.error });
      return "failed";
    }
    await ctx.db
      .update(tenantsTable)
      .set({ webhooksRevision: WEBHOOKS_REVISION })
      .where(and(eq(tenantsTable.id, tenant.id), lt(tenantsTable.webhooksRevision, WEBHOOKS_REVISION)));
    ctx.log.info("webhook subscriptions refreshed", { tenant: tenant.id, revision: WEBHOOKS_REVISION, detail: outcome.detail });
    return "updated";
  } catch (error) {
    ctx.log.warn("webhook subscriptions not refreshed", { tenant: tenant.id, error: errorMessage(error) });
    return "failed";
  }
}
