import { and, eq, ne, or, sql } from "drizzle-orm";
import { jsonValues } from "../../../db/sql-json.ts";
import type { Deps } from "../../../context/deps.ts";
import { privacyRequestsTable, type PrivacyExport } from "../../../db/schema/index.ts";
import { useQuery, type StepProgress, type WorkBudget } from "../work-budget.ts";
import type { CustomerSubject } from "./load-customer-subject.ts";

const p = privacyRequestsTable;

/**
 * The customer's earlier data requests: their exports are deleted from R2 and they keep no payload or customer
 * id, only that a request was received and answered.
 */
export async function scrubCustomerDataRequests(args: { ctx: Deps & { requestId: string }; input: { subject: CustomerSubject; budget: WorkBudget } }): Promise<StepProgress> {
  const { ctx, input } = args;
  const { subject, budget } = input;
  if (subject.customerIds.length === 0) return { deleted: 0, done: true };
  const owner = subject.tenantId ? or(eq(p.tenantId, subject.tenantId), eq(p.shopDomain, subject.shopDomain)) : eq(p.shopDomain, subject.shopDomain);
  useQuery(budget);
  const requests = await ctx.db
    .select({ id: p.id, export: p.export })
    .from(p)
    .where(and(owner, eq(p.kind, "customers_data_request"), ne(p.id, ctx.requestId), sql`${p.shopifyCustomerId} in ${jsonValues(subject.customerIds)}`));
  const now = Date.now();
  for (const request of requests) {
    useQuery(budget);
    await deleteExport({ ctx, input: request.export });
    const scrubbedExport = request.export ? { ...request.export, deletedAt: request.export.deletedAt ?? now } : null;
    await ctx.db.update(p).set({ payload: {}, shopifyCustomerId: null, export: scrubbedExport }).where(eq(p.id, request.id));
  }
  return { deleted: requests.length, done: true };
}

/** Deletes an export's file; an export already deleted, or never written, is left alone. */
export async function deleteExport(args: { ctx: Deps; input: PrivacyExport | null }): Promise<void> {
  const { ctx, input } = args;
  if (input && input.deletedAt === null) await ctx.env.PRIVACY_EXPORTS.delete(input.key);
}
