import { sql } from "drizzle-orm";
import { forTenant, type Deps } from "../../../context/deps.ts";
import { CUSTOMER_REDACT_STEPS } from "../../../db/privacy-classification.ts";
import { redactedSubjectsTable } from "../../../db/schema/index.ts";
import { hashSubjects } from "../subject-hash.ts";
import { useQuery, type WorkBudget } from "../work-budget.ts";
import { CUSTOMER_STEPS, markProfilesRedacted } from "./customer-steps.ts";
import { loadCustomerSubject, requestedCustomerSubject, subjectIdentifiers, subjectNeedles } from "./load-customer-subject.ts";

export type RedactionSlice = { done: boolean; counts: Record<string, number> };

const r = redactedSubjectsTable;
const col = (column: { name: string }) => sql.identifier(column.name);

/**
 * One bounded slice of customers/redact. First the keyed hashes of every identifier are kept (so data arriving from
 * now on is dropped) and the profiles hidden; then each step erases what it can within the budget, in order, linking
 * rows (identities, the profile) last, so the next slice still finds everything that is left. The tenant's data is
 * on the shard its directory entry names; privacy requests, dead letters and spilled bodies on the control database.
 */
export async function redactCustomer(args: {
  ctx: Deps;
  input: { requestId: string; tenantId: string | null; shopDomain: string; payload: Record<string, unknown>; budget: WorkBudget };
}): Promise<RedactionSlice> {
  const { ctx, input } = args;
  const { tenantId, budget } = input;
  useQuery(budget);
  const tenant = tenantId ? await forTenant(ctx, tenantId) : null;
  const subject = tenant ? await loadCustomerSubject({ ctx: tenant, input }) : requestedCustomerSubject(input);
  if (tenant) {
    const hashes = await hashSubjects(ctx.config.TOKEN_ENCRYPTION_KEY, tenant.tenantId, subjectIdentifiers(subject));
    const now = Date.now();
    useQuery(budget);
    await tenant.db.run(sql`
      insert into ${r} (${col(r.tenantId)}, ${col(r.subjectHash)}, ${col(r.redactedAt)})
      select ${tenant.tenantId}, value, ${now} from json_each(${JSON.stringify(hashes)}) where true
      on conflict do nothing
    `);
    useQuery(budget);
    await markProfilesRedacted({ ctx: tenant, input: { subject, now } });
  }
  const customer = (input.payload as { customer?: { phone?: unknown } }).customer;
  const needles = subjectNeedles(subject, typeof customer?.phone === "string" ? [customer.phone] : []);
  const counts: Record<string, number> = {};
  for (const step of CUSTOMER_REDACT_STEPS) {
    const progress = await CUSTOMER_STEPS[step]({ ctx, tenant, requestId: input.requestId, needles }, subject, budget);
    counts[step] = progress.deleted;
    if (!progress.done) return { done: false, counts };
  }
  return { done: true, counts };
}
