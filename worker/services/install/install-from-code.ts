import { eq } from "drizzle-orm";
import { tenantsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { requestAccessToken } from "../../shopify/request-access-token.ts";
import { attachShopWithLink, type AttachError } from "../connect-links/attach-shop.ts";
import { checkConnectLink } from "../connect-links/check-connect-link.ts";
import type { Deps } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { findOrCreateTenant } from "../tenants/create-tenant.ts";
import type { Tenant } from "../tenants/find-tenant.ts";

export type CodeInstallError = AttachError | { reason: "code_rejected" | "shopify_unavailable"; message: string };

/**
 * The authorization-code fallback: the connect link (if any) is checked before anything else, the code is
 * exchanged for an expiring offline token, the shop is attached to the link's tenant or its own, and setup runs.
 */
export async function installFromCode(args: {
  ctx: Deps;
  input: { shop: string; code: string; connectToken: string | null };
}): Promise<Result<Tenant, CodeInstallError>> {
  const { ctx, input } = args;
  const now = Date.now();
  const link = input.connectToken ? await checkConnectLink({ ctx, input: { token: input.connectToken, now } }) : null;
  if (link && !link.ok) return err(link.error);

  const tokens = await requestAccessToken(ctx.config, input.shop, { kind: "authorization_code", code: input.code }, now);
  if (!tokens.ok) {
    return tokens.error.reason === "rejected"
      ? err({ reason: "code_rejected", message: "Shopify did not accept the authorization code; start the install again." })
      : err({ reason: "shopify_unavailable", message: "Shopify is not answering; try again in a moment." });
  }

  let tenant: Tenant;
  if (link) {
    const attached = await attachShopWithLink({ ctx, input: { claims: link.value, shop: input.shop, now } });
    if (!attached.ok) return err(attached.error);
    tenant = attached.value;
  } else {
    tenant = await findOrCreateTenant({ ctx, input: { shop: input.shop, now } });
  }
  const object = tenantObject(ctx.env, tenant.id);
  await object.storeTokens(input.shop, tokens.value);
  // A linked shop or a returning one needs every step again (new webhooks, pixel); a fresh tenant starts clean anyway.
  const restart = link !== null || tenant.status === "uninstalled";
  await ctx.db
    .update(tenantsTable)
    .set({ grantedScopes: tokens.value.scopes, status: tenant.status === "active" ? "active" : "installing", uninstalledAt: null, updatedAt: new Date(now) })
    .where(eq(tenantsTable.id, tenant.id));
  if (tenant.status !== "active") await object.startSetup({ restart });
  return ok(tenant);
}
