import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { jsonValues } from "../../../db/sql-json.ts";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Deps } from "../../../context/deps.ts";
import { tenantObject } from "../../../context/tenant-object.ts";
import type { CustomerRedactStep } from "../../../db/privacy-classification.ts";
import {
  checkoutsTable,
  deadLettersTable,
  flowActionRunsTable,
  identitiesTable,
  ingestPayloadsTable,
  ordersTable,
  profilesTable,
  quarantineTable,
  segmentMembershipsTable,
  segmentsTable,
  segmentTagsTable,
} from "../../../db/schema/index.ts";
import { deleteInBatches, useQuery, type StepProgress, type WorkBudget } from "../work-budget.ts";
import { redactArchivedEvents } from "../archive/redact-archived-events.ts";
import { deleteCustomerEvents } from "./delete-customer-events.ts";
import { scrubCustomerDataRequests } from "./scrub-data-requests.ts";
import type { CustomerSubject } from "./load-customer-subject.ts";

export type StepContext = Deps & { requestId: string; needles: string[] };
type Step = (ctx: StepContext, subject: CustomerSubject, budget: WorkBudget) => Promise<StepProgress>;

const DONE: StepProgress = { deleted: 0, done: true };

/** Deletes, one selection after another, stopping where the budget runs out. */
async function deleteEach(ctx: Deps, budget: WorkBudget, selections: [SQLiteTable, SQL | undefined][]): Promise<StepProgress> {
  let deleted = 0;
  for (const [table, where] of selections) {
    if (!where) continue;
    const progress = await deleteInBatches({ ctx, input: { budget, table, where } });
    deleted += progress.deleted;
    if (!progress.done) return { deleted, done: false };
  }
  return { deleted, done: true };
}

const within = (column: Parameters<typeof eq>[0], values: string[]) => (values.length > 0 ? sql`${column} in ${jsonValues(values)}` : undefined);
const tenantRows = (column: Parameters<typeof eq>[0], tenantId: string, match: SQL | undefined) => (match ? and(eq(column, tenantId), match) : undefined);

/** Rows whose raw text contains any needle: the tenant's, or the shop's written before a tenant was known. */
function rawRows(table: typeof quarantineTable | typeof deadLettersTable | typeof ingestPayloadsTable, text: SQL, subject: CustomerSubject, needles: string[]): SQL | undefined {
  if (needles.length === 0) return undefined;
  const owner = subject.tenantId ? or(eq(table.tenantId, subject.tenantId), eq(table.shopDomain, subject.shopDomain)) : eq(table.shopDomain, subject.shopDomain);
  return and(owner, sql`exists (select 1 from json_each(${JSON.stringify(needles)}) n where instr(lower(${text}), n.value) > 0)`);
}

/** The steps of customers/redact, by the names the classification gives them; run in CUSTOMER_REDACT_STEPS order. */
export const CUSTOMER_STEPS: Record<CustomerRedactStep, Step> = {
  events: (ctx, subject, budget) => deleteCustomerEvents({ ctx, input: { subject, budget } }),
  event_archive: (ctx, subject, budget) => redactArchivedEvents({ ctx, input: { subject, budget } }),
  checkouts: (ctx, { tenantId: t, ...s }, budget) =>
    t
      ? deleteEach(ctx, budget, [
          [checkoutsTable, tenantRows(checkoutsTable.tenantId, t, within(checkoutsTable.profileId, s.profileIds))],
          [checkoutsTable, tenantRows(checkoutsTable.tenantId, t, within(checkoutsTable.token, s.checkoutTokens))],
          [checkoutsTable, tenantRows(checkoutsTable.tenantId, t, within(checkoutsTable.cartToken, s.cartTokens))],
          [checkoutsTable, tenantRows(checkoutsTable.tenantId, t, within(checkoutsTable.anonymousId, s.clientIds))],
          [checkoutsTable, tenantRows(checkoutsTable.tenantId, t, within(checkoutsTable.shopifyOrderId, s.orderIds))],
        ])
      : Promise.resolve(DONE),
  orders: (ctx, { tenantId: t, ...s }, budget) =>
    t
      ? deleteEach(ctx, budget, [
          [ordersTable, tenantRows(ordersTable.tenantId, t, within(ordersTable.profileId, s.profileIds))],
          [ordersTable, tenantRows(ordersTable.tenantId, t, within(ordersTable.shopifyOrderId, s.orderIds))],
          [ordersTable, tenantRows(ordersTable.tenantId, t, within(ordersTable.shopifyCustomerId, s.customerIds))],
        ])
      : Promise.resolve(DONE),
  memberships: (ctx, { tenantId: t, profileIds }, budget) => {
    if (!t || profileIds.length === 0) return Promise.resolve(DONE);
    const m = segmentMembershipsTable;
    // Through the tenant's segments, so each lookup uses the (segment_id, member_id) key.
    const where = sql`rowid in (select sm.rowid from ${segmentsTable} s join ${m} sm on sm.${sql.identifier(m.segmentId.name)} = s.${sql.identifier(segmentsTable.id.name)}
      and sm.${sql.identifier(m.memberId.name)} in ${jsonValues(profileIds)} where s.${sql.identifier(segmentsTable.tenantId.name)} = ${t})`;
    return deleteInBatches({ ctx, input: { budget, table: m, where: and(eq(m.tenantId, t), where)! } });
  },
  segment_tags: (ctx, { tenantId: t, profileIds }, budget) =>
    deleteEach(ctx, budget, [[segmentTagsTable, t ? tenantRows(segmentTagsTable.tenantId, t, within(segmentTagsTable.profileId, profileIds)) : undefined]]),
  segment_push_errors: async (ctx, { tenantId: t, customerIds }, budget) => {
    if (!t || customerIds.length === 0) return DONE;
    const prefixes = JSON.stringify(customerIds.map((id) => `customer ${id}:`));
    const result = segmentsTable.lastPushResult;
    useQuery(budget);
    const updated = await ctx.db.run(sql`
      update ${segmentsTable} set ${sql.identifier(result.name)} = json_set(${result}, '$.errors',
        (select json_group_array(x.value) from json_each(${result}, '$.errors') x
         where not exists (select 1 from json_each(${prefixes}) p where instr(x.value, p.value) = 1)))
      where ${eq(segmentsTable.tenantId, t)} and json_type(${result}, '$.errors') = 'array'
        and exists (select 1 from json_each(${prefixes}) p where instr(${result}, p.value) > 0)
    `);
    return { deleted: updated.meta.changes ?? 0, done: true };
  },
  flow_runs: (ctx, { tenantId: t, customerIds }, budget) =>
    deleteEach(ctx, budget, [
      [
        flowActionRunsTable,
        t && customerIds.length > 0
          ? and(
              eq(flowActionRunsTable.tenantId, t),
              sql`json_extract(${flowActionRunsTable.result}, '$.body.customerId') in ${jsonValues(customerIds)}`,
            )
          : undefined,
      ],
    ]),
  raw_bodies: (ctx, subject, budget) =>
    deleteEach(ctx, budget, [
      [quarantineTable, rawRows(quarantineTable, sql`${quarantineTable.payload} || coalesce(${quarantineTable.headers}, '')`, subject, ctx.needles)],
      [deadLettersTable, rawRows(deadLettersTable, sql`${deadLettersTable.body}`, subject, ctx.needles)],
      [ingestPayloadsTable, rawRows(ingestPayloadsTable, sql`${ingestPayloadsTable.body}`, subject, ctx.needles)],
    ]),
  tenant_object: async (ctx, subject, budget) => {
    if (!subject.tenantId) return DONE;
    useQuery(budget);
    return { deleted: await tenantObject(ctx.env, subject.tenantId).redactCustomer(ctx.needles, subject.profileIds), done: true };
  },
  data_requests: (ctx, subject, budget) => scrubCustomerDataRequests({ ctx, input: { subject, budget } }),
  identities: (ctx, { tenantId: t, ...s }, budget) =>
    t
      ? deleteEach(ctx, budget, [
          [identitiesTable, tenantRows(identitiesTable.tenantId, t, within(identitiesTable.profileId, s.profileIds))],
          [identitiesTable, tenantRows(identitiesTable.tenantId, t, within(identitiesTable.value, [...s.emails, ...s.checkoutTokens, ...s.cartTokens, ...s.clientIds]))],
        ])
      : Promise.resolve(DONE),
  profile: (ctx, { tenantId: t, profileIds }, budget) =>
    deleteEach(ctx, budget, [[profilesTable, t ? tenantRows(profilesTable.tenantId, t, within(profilesTable.id, profileIds)) : undefined]]),
};

/** Hides the profiles at once (segments, the API and pushes skip redacted profiles) while the steps run. */
export async function markProfilesRedacted(args: { ctx: Deps; input: { subject: CustomerSubject; now: number } }): Promise<void> {
  const { ctx, input } = args;
  const { subject, now } = input;
  if (!subject.tenantId || subject.profileIds.length === 0) return;
  await ctx.db
    .update(profilesTable)
    .set({ redactedAt: new Date(now) })
    .where(and(eq(profilesTable.tenantId, subject.tenantId), sql`${profilesTable.id} in ${jsonValues(subject.profileIds)}`, isNull(profilesTable.redactedAt)));
}
