import { missingScopes } from "../../shopify/scopes.ts";
import type { TenantContext } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import type { Tenant } from "../tenants/find-tenant.ts";

export type Banner =
  | { kind: "scopes"; tone: "warning"; message: string; missingScopes: string[] }
  | { kind: "reauth"; tone: "critical"; message: string };

/** What the merchant must act on: scopes short of the declared ones (scopes_update or a 403), or lost access. */
export async function listBanners(args: { ctx: TenantContext; input: { tenant: Tenant } }): Promise<Banner[]> {
  const { ctx, input } = args;
  const { tenant } = input;
  const object = tenantObject(ctx.env, ctx.tenantId);
  const banners: Banner[] = [];
  const token = await object.accessToken();
  if (!token.ok && token.reason !== "unavailable") banners.push({ kind: "reauth", tone: "critical", message: token.message });
  const missing = tenant.grantedScopes ? missingScopes(tenant.grantedScopes) : [];
  const denied = await object.accessDenied();
  if (missing.length > 0 || denied) {
    const message =
      missing.length > 0
        ? `SegOps needs these scopes to work fully: ${missing.join(", ")}. Approve them to continue.`
        : `Shopify refused a request for lack of scope (${denied!.message}). Approve the app's scopes again.`;
    banners.push({ kind: "scopes", tone: "warning", message, missingScopes: missing });
  }
  return banners;
}
