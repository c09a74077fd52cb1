import { and, eq, isNull } from "drizzle-orm";
import { connectLinksTable, tenantsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";
import { findTenantById, findTenantByShop, type Tenant } from "../tenants/find-tenant.ts";
import { connectLinkMessage, type ConnectLinkError } from "./check-connect-link.ts";
import type { ConnectClaims } from "./connect-token.ts";

export type AttachError = ConnectLinkError | { reason: "conflict"; message: string };

/**
 * Uses a checked connect link: refuses when the workspace has another live shop or the shop is live in
 * another workspace, then burns the link (a conditional update, so a replay finds it used) and attaches.
 */
export async function attachShopWithLink(args: { ctx: Deps; input: { claims: ConnectClaims; shop: string; now: number } }): Promise<Result<Tenant, AttachError>> {
  const { ctx, input } = args;
  const { claims, shop, now } = input;
  const target = await findTenantById({ ctx, input: { tenantId: claims.tid } });
  if (!target) return err({ reason: "unknown", message: connectLinkMessage("unknown") });
  if (target.shopDomain && target.shopDomain !== shop && target.status !== "uninstalled") {
    return err({ reason: "conflict", message: `This workspace is connected to ${target.shopDomain}; uninstall SegOps there first.` });
  }
  const holder = await findTenantByShop({ ctx, input: { shop } });
  if (holder && holder.id !== target.id && holder.status !== "uninstalled") {
    return err({ reason: "conflict", message: `${shop} already has its own SegOps workspace (${holder.slug}).` });
  }
  const burned = await ctx.db
    .update(connectLinksTable)
    .set({ usedAt: new Date(now), usedByShop: shop })
    .where(and(eq(connectLinksTable.id, claims.jti), isNull(connectLinksTable.usedAt)))
    .returning({ id: connectLinksTable.id });
  if (burned.length === 0) return err({ reason: "used", message: connectLinkMessage("used") });

  const updates = [];
  if (holder && holder.id !== target.id) {
    updates.push(ctx.db.update(tenantsTable).set({ shopDomain: null, updatedAt: new Date(now) }).where(eq(tenantsTable.id, holder.id)));
  }
  updates.push(
    ctx.db
      .update(tenantsTable)
      .set({ shopDomain: shop, status: "installing", installedAt: new Date(now), uninstalledAt: null, updatedAt: new Date(now) })
      .where(eq(tenantsTable.id, target.id)),
  );
  await ctx.db.batch(updates as [(typeof updates)[number], ...(typeof updates)[number][]]);
  ctx.log.info("shop attached through connect link", { tenant: target.id });
  return ok({ ...target, shopDomain: shop, status: "installing" });
}
