import { connectLinksTable } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import type { TenantControl } from "../../context/deps.ts";
import { signConnectToken } from "./connect-token.ts";

export const CONNECT_LINK_TTL_MS = 60 * 60 * 1000;

export type ConnectLink = { id: string; url: string; expiresAt: string };

/** A signed, expiring, single-use link; installing through it attaches the shop to this tenant. */
export async function createConnectLink(args: { ctx: TenantControl }): Promise<ConnectLink> {
  const { ctx } = args;
  const now = Date.now();
  const id = newId("connectLink");
  const expiresAt = now + CONNECT_LINK_TTL_MS;
  await ctx.db.insert(connectLinksTable).values({ id, tenantId: ctx.tenantId, expiresAt: new Date(expiresAt), createdAt: new Date(now) });
  const token = await signConnectToken(ctx.config.CONNECT_LINK_SECRET, { jti: id, tid: ctx.tenantId, exp: Math.floor(expiresAt / 1000) });
  return { id, url: `${ctx.config.SHOPIFY_APP_URL.replace(/\/$/, "")}/connect?token=${token}`, expiresAt: new Date(expiresAt).toISOString() };
}
