import { and, eq } from "drizzle-orm";
import type { Deps, TenantContext } from "../../../context/deps.ts";
import { privacyRequestsTable } from "../../../db/schema/index.ts";
import { keyedSignature, verifyKeyedSignature } from "../../../lib/keyed-hash.ts";
import { err, ok, type Result } from "../../../lib/result.ts";

/** A download link works this long after the merchant asks for it; the admin asks again for each download. */
export const EXPORT_LINK_TTL_MS = 5 * 60 * 1000;

const p = privacyRequestsTable;

export type ExportLink = { url: string; expiresAt: string };
export type ExportUnavailable = { reason: "not_found" | "not_ready" | "deleted" };

// The signature binds the tenant, the request and the expiry: a link cannot be moved to another request or tenant.
const signedText = (tenantId: string, requestId: string, expires: number) => `${tenantId}\n${requestId}\n${expires}`;

type ExportOwner = { tenantId: string | null; kind: string; export: (typeof p.$inferSelect)["export"] };

function availability(row: ExportOwner | undefined): ExportUnavailable["reason"] | null {
  if (row?.kind !== "customers_data_request") return "not_found";
  if (!row.export) return "not_ready";
  return row.export.deletedAt === null && row.export.expiresAt > Date.now() ? null : "deleted";
}

/** Mints a short-lived signed link to one of the session's tenant's exports (another tenant's request is not found). */
export async function mintExportLink(args: { ctx: TenantContext; input: { requestId: string; now?: number } }): Promise<Result<ExportLink, ExportUnavailable>> {
  const { ctx, input } = args;
  const row = await ctx.control.db.select().from(p).where(and(eq(p.id, input.requestId), eq(p.tenantId, ctx.tenantId))).get();
  const unavailable = availability(row);
  if (unavailable) return err({ reason: unavailable });
  const expires = (input.now ?? Date.now()) + EXPORT_LINK_TTL_MS;
  const signature = await keyedSignature(ctx.config.TOKEN_ENCRYPTION_KEY, "privacy-export-link/v1", signedText(ctx.tenantId, input.requestId, expires));
  const url = new URL(`/privacy/exports/${encodeURIComponent(input.requestId)}`, ctx.config.SHOPIFY_APP_URL);
  url.searchParams.set("expires", String(expires));
  url.searchParams.set("signature", signature);
  return ok({ url: url.toString(), expiresAt: new Date(expires).toISOString() });
}

export type ExportDownload = { body: ReadableStream; bytes: number; filename: string };
export type DownloadRefusal = { reason: "bad_signature" | "expired" | ExportUnavailable["reason"] };

/**
 * The export a signed link names: the signature is checked against the tenant that owns the request, so a link
 * minted by one tenant never opens another's file, and an expired or tampered link opens nothing.
 */
export async function openExportDownload(args: {
  ctx: Deps;
  input: { requestId: string; expires: number; signature: string; now?: number };
}): Promise<Result<ExportDownload, DownloadRefusal>> {
  const { ctx, input } = args;
  const row = await ctx.db.select().from(p).where(eq(p.id, input.requestId)).get();
  if (!row?.tenantId) return err({ reason: "bad_signature" });
  const signed = await verifyKeyedSignature(ctx.config.TOKEN_ENCRYPTION_KEY, "privacy-export-link/v1", signedText(row.tenantId, row.id, input.expires), input.signature);
  if (!signed) return err({ reason: "bad_signature" });
  if (input.expires <= (input.now ?? Date.now())) return err({ reason: "expired" });
  const unavailable = availability(row);
  if (unavailable) return err({ reason: unavailable });
  const object = await ctx.env.PRIVACY_EXPORTS.get(row.export!.key);
  if (!object) return err({ reason: "deleted" });
  return ok({ body: object.body, bytes: object.size, filename: `segops-customer-export-${row.id}.json` });
}
