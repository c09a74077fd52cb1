import { eq } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
import { TenantMovingError } from "../../context/tenant-directory.ts";
import { privacyRequestsTable, type PrivacyExport } from "../../db/schema/index.ts";
import { errorMessage } from "../../lib/log.ts";
import { findTenantById, findTenantByShop, type Tenant } from "../tenants/find-tenant.ts";
import { buildCustomerExport } from "./export/build-customer-export.ts";
import { loadTombstones } from "./load-tombstones.ts";
import { queuePrivacyRequest } from "./queue-privacy-request.ts";
import { eraseShop, REDACTED_SHOP_PREFIX } from "./redact/erase-shop.ts";
import { redactCustomer } from "./redact/redact-customer.ts";
import { shopHash } from "./subject-hash.ts";
import { newWorkBudget, type WorkBudget } from "./work-budget.ts";

type RequestRow = typeof privacyRequestsTable.$inferSelect;
type Slice = { done: boolean; counts: Record<string, number>; outcome?: string; export?: PrivacyExport };

export type PrivacyRunOutcome = "completed" | "continued" | "missing" | "already_completed";

const p = privacyRequestsTable;

function addCounts(result: Record<string, unknown> | null, counts: Record<string, number>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...result };
  for (const [name, count] of Object.entries(counts)) merged[name] = (typeof merged[name] === "number" ? (merged[name] as number) : 0) + count;
  return merged;
}

async function runSlice(ctx: Deps, row: RequestRow, tenant: Tenant | null, budget: WorkBudget): Promise<Slice> {
  const tenantId = tenant?.id ?? null;
  const base = { requestId: row.id, tenantId, shopDomain: row.shopDomain, payload: row.payload, budget };
  switch (row.kind) {
    case "customers_redact":
      return redactCustomer({ ctx, input: base });
    case "shop_redact":
      // Shopify sends shop/redact 48 h after an uninstall; a shop using SegOps again keeps its workspace.
      if (tenant && tenant.status !== "uninstalled") {
        ctx.log.warn("shop/redact for an installed shop: nothing erased", { tenant: tenantId, request: row.id });
        return { done: true, counts: {}, outcome: "the shop had installed SegOps again: nothing erased" };
      }
      return eraseShop({ ctx, input: { ...base, uninstalledAt: tenant?.uninstalledAt?.getTime() ?? null } });
    case "customers_data_request": {
      if (row.export) return { done: true, counts: {} };
      const built = await buildCustomerExport({ ctx, input: { request: { ...base, id: row.id, receivedAt: row.receivedAt.getTime() }, budget } });
      return { done: true, counts: built.counts, export: built.export };
    }
  }
}

/** What is left of a request once done: counts and dates, no customer identifier (a data request keeps them until its export is deleted). */
async function completion(ctx: Deps, row: RequestRow, tenant: Tenant | null, slice: Slice) {
  const now = new Date();
  const result = { ...addCounts(row.result, slice.counts), ...(slice.outcome ? { outcome: slice.outcome } : {}) };
  const done = { status: "completed" as const, completedAt: now, updatedAt: now, lastError: null, result };
  const scrubbed = row.kind === "customers_data_request" ? {} : { payload: {}, shopifyCustomerId: null };
  let shopDomain: string | undefined;
  if (!tenant && !row.shopDomain.startsWith(REDACTED_SHOP_PREFIX)) {
    const erased = await loadTombstones({ ctx, input: { tenantIds: [], shops: [row.shopDomain] } });
    if (erased.shopsRedactedAt.has(row.shopDomain)) shopDomain = `${REDACTED_SHOP_PREFIX}${await shopHash(ctx.config.TOKEN_ENCRYPTION_KEY, row.shopDomain)}`;
  }
  return { ...done, ...scrubbed, ...(slice.export ? { export: slice.export } : {}), ...(shopDomain ? { shopDomain } : {}) };
}

/**
 * Runs one bounded slice of a privacy request and queues the next when work is left; a completed request does
 * nothing, so redeliveries and the daily job's retries are harmless. A failure is recorded on the request (never
 * with customer data) and thrown for the queue to retry. Works with or without a live install: the tenant is the
 * one recorded with the request, else the shop's current one.
 */
export async function runPrivacyRequest(args: { ctx: Deps; input: { requestId: string; budget?: WorkBudget } }): Promise<PrivacyRunOutcome> {
  const { ctx, input } = args;
  const row = await ctx.db.select().from(p).where(eq(p.id, input.requestId)).get();
  if (!row) return "missing";
  if (row.status === "completed") return "already_completed";
  const erased = row.shopDomain.startsWith(REDACTED_SHOP_PREFIX);
  const tenant = erased ? null : row.tenantId ? await findTenantById({ ctx, input: { tenantId: row.tenantId } }) : await findTenantByShop({ ctx, input: { shop: row.shopDomain } });
  // Kept on the row: a later slice must find the tenant even once shop/redact has deleted its row.
  const tenantId = row.tenantId ?? tenant?.id ?? null;
  await ctx.db.update(p).set({ status: "running", tenantId, updatedAt: new Date() }).where(eq(p.id, row.id));
  try {
    const slice = erased ? { done: true, counts: {}, outcome: "the shop was already erased" } : await runSlice(ctx, row, tenant, input.budget ?? newWorkBudget());
    if (!slice.done) {
      await ctx.db.update(p).set({ result: addCounts(row.result, slice.counts), updatedAt: new Date() }).where(eq(p.id, row.id));
      await queuePrivacyRequest({ ctx, input: { requestId: row.id } });
      return "continued";
    }
    await ctx.db.update(p).set(await completion(ctx, row, tenant, slice)).where(eq(p.id, row.id));
    ctx.log.info("privacy request completed", { tenant: tenantId, request: row.id, kind: row.kind });
    return "completed";
  } catch (error) {
    // A move freezes the tenant for seconds: the queue runs the slice again after it, which is no failure of the request.
    if (error instanceof TenantMovingError) throw error;
    await ctx.db
      .update(p)
      .set({ status: "failed", failures: row.failures + 1, lastError: errorMessage(error).slice(0, 500), updatedAt: new Date() })
      .where(eq(p.id, row.id));
    throw error;
  }
}
