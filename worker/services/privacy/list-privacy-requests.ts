import { and, eq, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Deps, TenantContext } from "../../context/deps.ts";
import type { Db } from "../../db/client.ts";
import { afterCursor, keysetOrderBy, keysetPage, readCursor, type KeysetOrder } from "../../db/keyset-page.ts";
import { PRIVACY_REQUEST_STATUSES, privacyRequestsTable } from "../../db/schema/index.ts";
import { ok, type Result } from "../../lib/result.ts";
import { REDACTED_SHOP_PREFIX } from "./redact/erase-shop.ts";
import { shopHash } from "./subject-hash.ts";

const p = privacyRequestsTable;
const ORDER: KeysetOrder = { time: p.receivedAt, id: p.id, direction: "desc" };

export const ListPrivacyRequestsInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
});

export const ListAllPrivacyRequestsInput = ListPrivacyRequestsInput.extend({
  shop: z.string().min(1).optional(),
  status: z.enum([...PRIVACY_REQUEST_STATUSES, "open", "all"]).default("all"),
});

type Row = typeof p.$inferSelect;

/** A request as the merchant sees it: dates, status, and whether its export can be downloaded; never its payload. */
export type PrivacyRequestView = {
  id: string;
  kind: Row["kind"];
  customerId: string | null;
  status: Row["status"];
  atRisk: boolean;
  receivedAt: string;
  dueAt: string;
  completedAt: string | null;
  export: { state: "ready" | "deleted"; bytes: number; expiresAt: string } | null;
};

/** What an operator reads besides: shop, tenant, failures and the last error, and the counts of what was done. */
export type OpsPrivacyRequestView = PrivacyRequestView & {
  shopDomain: string;
  tenantId: string | null;
  failures: number;
  lastError: string | null;
  result: Record<string, unknown> | null;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function privacyRequestView(row: Row): PrivacyRequestView {
  return {
    id: row.id,
    kind: row.kind,
    customerId: row.shopifyCustomerId,
    status: row.status,
    atRisk: row.atRiskAt !== null && row.status !== "completed",
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    completedAt: iso(row.completedAt),
    export: row.export
      ? { state: row.export.deletedAt === null ? "ready" : "deleted", bytes: row.export.bytes, expiresAt: new Date(row.export.expiresAt).toISOString() }
      : null,
  };
}

async function page(ctx: { db: Db }, where: SQL | undefined, input: z.output<typeof ListPrivacyRequestsInput>): Promise<Result<{ rows: Row[]; nextCursor: string | null }, { message: string }>> {
  const cursor = readCursor(input.cursor);
  if (!cursor.ok) return cursor;
  const rows = await ctx.db
    .select()
    .from(p)
    .where(and(where, afterCursor(ORDER, cursor.value)))
    .orderBy(...keysetOrderBy(ORDER))
    .limit(input.limit + 1);
  const { page: data, nextCursor } = keysetPage(rows, input.limit, (row) => ({ at: row.receivedAt.getTime(), id: row.id }));
  return ok({ rows: data, nextCursor });
}

/** The tenant's own requests, newest first (`tenant_id` is the only scope: a session never sees another shop's). */
export async function listPrivacyRequests(args: { ctx: TenantContext; input: z.output<typeof ListPrivacyRequestsInput> }) {
  const listed = await page(args.ctx.control, eq(p.tenantId, args.ctx.tenantId), args.input);
  if (!listed.ok) return listed;
  return ok({ data: listed.value.rows.map(privacyRequestView), nextCursor: listed.value.nextCursor });
}

/** Every request, for operators; `shop` also finds the scrubbed proof of an erased shop by its keyed hash. */
export async function listAllPrivacyRequests(args: { ctx: Deps; input: z.output<typeof ListAllPrivacyRequestsInput> }) {
  const { ctx, input } = args;
  const shop = input.shop?.trim().toLowerCase();
  const byShop = shop ? or(eq(p.shopDomain, shop), eq(p.shopDomain, `${REDACTED_SHOP_PREFIX}${await shopHash(ctx.config.TOKEN_ENCRYPTION_KEY, shop)}`)) : undefined;
  const byStatus =
    input.status === "all" ? undefined : input.status === "open" ? or(eq(p.status, "received"), eq(p.status, "running"), eq(p.status, "failed")) : eq(p.status, input.status);
  const listed = await page(ctx, and(byShop, byStatus), input);
  if (!listed.ok) return listed;
  const data: OpsPrivacyRequestView[] = listed.value.rows.map((row) => ({
    ...privacyRequestView(row),
    shopDomain: row.shopDomain,
    tenantId: row.tenantId,
    failures: row.failures,
    lastError: row.lastError,
    result: row.result,
  }));
  return ok({ data, nextCursor: listed.value.nextCursor });
}

