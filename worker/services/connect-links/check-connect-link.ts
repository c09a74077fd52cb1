import { and, eq } from "drizzle-orm";
import { connectLinksTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";
import { verifyConnectToken, type ConnectClaims } from "./connect-token.ts";

export type ConnectLinkError = { reason: "malformed" | "tampered" | "expired" | "used" | "unknown"; message: string };

const MESSAGES: Record<ConnectLinkError["reason"], string> = {
  malformed: "This connect link is incomplete or malformed. Copy the whole link from SegOps.",
  tampered: "This connect link has been altered and cannot be used. Generate a new one in SegOps.",
  expired: "This connect link has expired. Generate a new one in SegOps (links last one hour).",
  used: "This connect link was already used. Each link works once; generate a new one in SegOps.",
  unknown: "This connect link is not known to SegOps. Generate a new one in SegOps.",
};

/** Signature, expiry and single use, without consuming the link. */
export async function checkConnectLink(args: { ctx: Deps; input: { token: string; now?: number } }): Promise<Result<ConnectClaims, ConnectLinkError>> {
  const { ctx, input } = args;
  const verified = await verifyConnectToken(ctx.config.CONNECT_LINK_SECRET, input.token, input.now ?? Date.now());
  if (!verified.ok) return err({ reason: verified.error.reason, message: MESSAGES[verified.error.reason] });
  const row = await ctx.db
    .select({ usedAt: connectLinksTable.usedAt })
    .from(connectLinksTable)
    .where(and(eq(connectLinksTable.id, verified.value.jti), eq(connectLinksTable.tenantId, verified.value.tid)))
    .get();
  if (!row) return err({ reason: "unknown", message: MESSAGES.unknown });
  if (row.usedAt) return err({ reason: "used", message: MESSAGES.used });
  return ok(verified.value);
}

export function connectLinkMessage(reason: ConnectLinkError["reason"]): string {
  return MESSAGES[reason];
}
