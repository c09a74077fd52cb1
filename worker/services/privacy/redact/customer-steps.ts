import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { jsonValues } from "../../../db/sql-json.ts";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Deps, TenantContext } from "../../../context/deps.ts";
import { tenantObject } from "../../../context/tenant-object.ts";
import type { Db } from "../../../db/client.ts";
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

/**
 * What a step works on: the control database (`ctx`), the tenant's shard (`tenant`, null for a shop with no
 * tenant), the request and the literal strings raw bodies are searched for.
 */
export type StepContext = { ctx: Deps; tenant: TenantContext | null; requestId: string; needles: string[] };
type Step = (on: StepContext, subject: CustomerSubject, budget: WorkBudget) => Promise<StepProgress>;
type TenantStep = (ctx: TenantContext, subject: CustomerSubject, budget: WorkBudget) => Promise<StepProgress>;

const DONE: StepProgress = { deleted: 0, done: true };

/** A step on the tenant's data, on its shard; nothing to do for a shop with no tenant. */
const onTenant =
  (step: TenantStep): Step =>
  (on, subject, budget) =>
    on.tenant ? step(on.tenant, subject, budget) : Promise.resolve(DONE);

/** Deletes, one selection after another, stopping where the budget runs out. */
async function deleteEach(ctx: { db: Db }, budget: WorkBudget, selections: [SQLiteTable, SQL | undefined][]): Promise<StepProgress> {
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
  events: onTenant((ctx, subject, budget) => deleteCustomerEvents({ ctx, input: { subject, budget } })),
  event_archive: onTenant((ctx, subject, budget) => redactArchivedEvents({ ctx, input: { subject, budget } })),
  checkouts: onTenant((ctx, s, budget) =>
    deleteEach(ctx, budget, [
      [checkoutsTable, tenantRows(checkoutsTable.tenantId, ctx.tenantId, within(checkoutsTable.profileId, s.profileIds))],
      [checkoutsTable, tenantRows(checkoutsTable.tenantId, ctx.tenantId, within(checkoutsTable.token, s.checkoutTokens))],
      [checkoutsTable, tenantRows(checkoutsTable.tenantId, ctx.tenantId, within(checkoutsTable.cartToken, s.cartTokens))],
      [checkoutsTable, tenantRows(checkoutsTable.tenantId, ctx.tenantId, within(checkoutsTable.anonymousId, s.clientIds))],
      [checkoutsTable, tenantRows(checkoutsTable.tenantId, ctx.tenantId, within(checkoutsTable.shopifyOrderId, s.orderIds))],
    ]),
  ),
  orders: onTenant((ctx, s, budget) =>
    deleteEach(ctx, budget, [
      [ordersTable, tenantRows(ordersTable.tenantId, ctx.tenantId, within(ordersTable.profileId, s.profileIds))],
      [ordersTable, tenantRows(ordersTable.tenantId, ctx.tenantId, within(ordersTable.shopifyOrderId, s.orderIds))],
      [ordersTable, tenantRows(ordersTable.tenantId, ctx.tenantId, within(ordersTable.shopifyCustomerId, s.customerIds))],
    ]),
  ),
  memberships: onTenant((ctx, { profileIds }, budget) => {
    if (profileIds.length === 0) return Promise.resolve(DONE);
    const t = ctx.tenantId;
    const m = segmentMembershipsTable;
    // Through the tenant's segments, so each lookup uses the (segment_id, member_id) key.
    const where = sql`rowid in (select sm.rowid from ${segmentsTable} s join ${m} sm on sm.${sql.identifier(m.segmentId.name)} = s.${sql.identifier(segmentsTable.id.name)}
      and sm.${sql.identifier(m.memberId.name)} in ${jsonValues(profileIds)} where s.${sql.identifier(segmentsTable.tenantId.name)} = ${t})`;
    return deleteInBatches({ ctx, input: { budget, table: m, where: and(eq(m.tenantId, t), where)! } });
  }),
  segment_tags: onTenant((ctx, { profileIds }, budget) =>
    deleteEach(ctx, budget, [[segmentTagsTable, tenantRows(segmentTagsTable.tenantId, ctx.tenantId, within(segmentTagsTable.profileId, profileIds))]]),
  ),
  segment_push_errors: onTenant(async (ctx, { customerIds }, budget) => {
    if (customerIds.length === 0) return DONE;
    const prefixes = JSON.stringify(customerIds.map((id) => `customer ${id}:`));
    const result = segmentsTable.lastPushResult;
    useQuery(budget);
    const updated = await ctx.db.run(sql`
      update ${segmentsTable} set ${sql.identifier(result.name)} = json_set(${result}, '$.errors',
        (select json_group_array(x.value) from json_each(${result}, '$.errors') x
         where not exists (select 1 from json_each(${prefixes}) p where instr(x.value, p.value) = 1)))
      where ${eq(segmentsTable.tenantId, ctx.tenantId)} and json_type(${result}, '$.errors') = 'array'
        and exists (select 1 from json_each(${prefixes}) p where instr(${result}, p.value) > 0)
    `);
    return { deleted: updated.meta.changes ?? 0, done: true };
  }),
  flow_runs: onTenant((ctx, { customerIds }, budget) =>
    deleteEach(ctx, budget, [
      [
        flowActionRunsTable,
        customerIds.length > 0
          ? and(eq(flowActionRunsTable.tenantId, ctx.tenantId), sql`json_extract(${flowActionRunsTable.result}, '$.body.customerId') in ${jsonValues(customerIds)}`)
          : undefined,
      ],
    ]),
  ),
  raw_bodies: async ({ ctx, tenant, needles }, subject, budget) => {
    const quarantine = rawRows(quarantineTable, sql`${quarantineTable.payload} || coalesce(${quarantineTable.headers}, '')`, subject, needles);
    // The tenant's quarantine is on its shard; a shop's rows from before it had a tenant are on the control database.
    const onShard = tenant && tenant.d1 !== ctx.d1 ? await deleteEach(tenant, budget, [[quarantineTable, quarantine]]) : DONE;
    if (!onShard.done) return onShard;
    const onControl = await deleteEach(ctx, budget, [
      [quarantineTable, quarantine],
      [deadLettersTable, rawRows(deadLettersTable, sql`${deadLettersTable.body}`, subject, needles)],
      [ingestPayloadsTable, rawRows(ingestPayloadsTable, sql`${ingestPayloadsTable.body}`, subject, needles)],
    ]);
    return { deleted: onShard.deleted + onControl.deleted, done: onControl.done };
  },
  tenant_object: async ({ ctx, needles }, subject, budget) => {
    if (!subject.tenantId) return DONE;
    useQuery(budget);
    return { deleted: await tenantObject(ctx.env, subject.tenantId).redactCustomer(needles, subject.profileIds), done: true };
  },
  data_requests: ({ ctx, requestId }, subject, budget) => scrubCustomerDataRequests({ ctx: { ...ctx, requestId }, input: { subject, budget } }),
  identities: onTenant((ctx, s, budget) =>
    deleteEach(ctx, budget, [
      [identitiesTable, tenantRows(identitiesTable.tenantId, ctx.tenantId, within(identitiesTable.profileId, s.profileIds))],
      [identitiesTable, tenantRows(identitiesTable.tenantId, ctx.tenantId, within(identitiesTable.value, [...s.emails, ...s.checkoutTokens, ...s.cartTokens, ...s.clientIds]))],
    ]),
  ),
  profile: onTenant((ctx, { profileIds }, budget) =>
    deleteEach(ctx, budget, [[profilesTable, tenantRows(profilesTable.tenantId, ctx.tenantId, within(profilesTable.id, profileIds))]]),
  ),
};

/** Hides the profiles at once (segments, the API and pushes skip redacted profiles) while the steps run. */
export async function markProfilesRedacted(args: { ctx: TenantContext; input: { subject: CustomerSubject; now: number } }): Promise<void> {
  const { ctx, input } = args;
  const { subject, now } = input;
  if (subject.profileIds.length === 0) return;
  await ctx.db
    .update(profilesTable)
    .set({ redactedAt: new Date(now) })
    .where(and(eq(profilesTable.tenantId, ctx.tenantId), sql`${profilesTable.id} in ${jsonValues(subject.profileIds)}`, isNull(profilesTable.redactedAt)));
}
