import { eq } from "drizzle-orm";
import { tenantsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { requestAccessToken } from "../../shopify/request-access-token.ts";
import type { Deps } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { findOrCreateTenant } from "../tenants/create-tenant.ts";
import type { Tenant } from "../tenants/find-tenant.ts";
import { refreshWebhookSubscriptions } from "./refresh-webhook-subscriptions.ts";

export type InstallError = { reason: "session_token_rejected" | "shopify_unavailable"; message: string };

/**
 * Shopify managed install, from the first admin load: the session token is exchanged for an expiring offline
 * token only when the tenant has no usable one, and setup is (re)started whenever it is not complete.
 * Calling it again for an installed shop creates nothing, but brings subscriptions made by older code up to date.
 */
export async function installFromSessionToken(args: { ctx: Deps; input: { shop: string; sessionToken: string } }): Promise<Result<Tenant, InstallError>> {
  const { ctx, input } = args;
  const { shop, sessionToken } = input;
  const now = Date.now();
  let tenant = await findOrCreateTenant({ ctx, input: { shop, now } });
  const object = tenantObject(ctx.env, tenant.id);
  const reinstall = tenant.status === "uninstalled";
  const current = reinstall ? null : await object.accessToken();

  if (!current?.ok) {
    const exchanged = await requestAccessToken(ctx.config, shop, { kind: "token_exchange", sessionToken }, now);
    if (!exchanged.ok) {
      const reason = exchanged.error.reason === "rejected" ? "session_token_rejected" : "shopify_unavailable";
      return err({ reason, message: `Token exchange failed (${exchanged.error.status}).` });
    }
    await object.storeTokens(shop, exchanged.value);
    const changes = {
      grantedScopes: exchanged.value.scopes,
      updatedAt: new Date(now),
      ...(reinstall || !tenant.installedAt ? { status: "installing" as const, installedAt: new Date(now), uninstalledAt: null } : {}),
    };
    const [updated] = await ctx.db.update(tenantsTable).set(changes).where(eq(tenantsTable.id, tenant.id)).returning();
    tenant = updated ?? tenant;
    ctx.log.info(reinstall ? "tenant reinstalled" : "offline token stored", { tenant: tenant.id });
  }

  if (tenant.status !== "active" || reinstall) await object.startSetup({ restart: reinstall });
  else await refreshWebhookSubscriptions({ ctx, input: { tenant } });
  return ok(tenant);
}
