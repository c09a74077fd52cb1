import { and, eq } from "drizzle-orm";
import { profilesTable, segmentMembershipsTable, segmentsTable } from "../../db/schema/index.ts";
import { tableNames } from "../../db/sql-names.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { runBatchedMutation } from "../../shopify/run-batched-mutation.ts";
import type { AdminContext } from "../../context/admin-context.ts";
import { enabledTriggers } from "./enabled-triggers.ts";
import { FLOW_TRIGGERS } from "./flow-handles.ts";
import { FLOW_TRIGGER_RECEIVE, flowResourceId, type FlowTriggerPayload } from "./flow-trigger-mutation.ts";

export type MembershipTriggersInput = { segmentId: string; computedAt: number; direction: "entered" | "left"; after: string | null; maxCalls: number };

/** `next`: the member id to resume after when more remain, else null. */
export type MembershipTriggersOutcome = { fired: number; failed: number; next: string | null };
export type MembershipTriggersError = { message: string; next: string | null; progressed: boolean };

const TRIGGERS_PER_CALL = 25;
const M = tableNames(segmentMembershipsTable);
const P = tableNames(profilesTable);

/** Fires "customer entered/left a segment" for the members that changed at `computedAt`, 25 per GraphQL call. */
export async function fireMembershipTriggers(args: { ctx: AdminContext; input: MembershipTriggersInput }): Promise<Result<MembershipTriggersOutcome, MembershipTriggersError>> {
  const { ctx, input } = args;
  const handle = input.direction === "entered" ? FLOW_TRIGGERS.segmentEntered : FLOW_TRIGGERS.segmentLeft;
  const outcome: MembershipTriggersOutcome = { fired: 0, failed: 0, next: null };
  if (!(await enabledTriggers({ ctx })).has(handle)) return ok(outcome);
  const segment = await ctx.db
    .select({ name: segmentsTable.name, slug: segmentsTable.slug })
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, input.segmentId)))
    .get();
  if (!segment) return ok(outcome);
  const changedAt = `m.${input.direction === "entered" ? M.enteredAt : M.leftAt}`;
  let after = input.after ?? "";
  for (let calls = 0; calls < input.maxCalls; calls++) {
    const { results: rows } = await ctx.d1.prepare(
      `SELECT m.${M.memberId} AS profileId, p.${P.shopifyCustomerId} AS customerId
       FROM ${M.$table} m JOIN ${P.$table} p ON p.${P.tenantId} = m.${M.tenantId} AND p.${P.id} = m.${M.memberId}
       WHERE m.${M.tenantId} = ?1 AND m.${M.segmentId} = ?2 AND ${changedAt} = ?3 AND m.${M.memberId} > ?4 AND p.${P.redactedAt} IS NULL
       ORDER BY m.${M.memberId} LIMIT ?5`,
    )
      .bind(ctx.tenantId, input.segmentId, input.computedAt, after, TRIGGERS_PER_CALL)
      .all<{ profileId: string; customerId: string }>();
    if (rows.length === 0) return ok({ ...outcome, next: null });
    const payload = (customerId: string) => ({ customer_id: flowResourceId(customerId), "segment name": segment.name, "segment slug": segment.slug });
    const result = await runBatchedMutation<FlowTriggerPayload>(ctx.admin, FLOW_TRIGGER_RECEIVE, rows.map((row) => ({ handle, payload: payload(row.customerId) })));
    if (!result.ok) return err({ message: result.error.message, next: after || null, progressed: outcome.fired + outcome.failed > 0 });
    for (const answer of result.value) {
      if (answer && answer.userErrors.length === 0) outcome.fired++;
      else outcome.failed++;
    }
    after = rows.at(-1)!.profileId;
  }
  return ok({ ...outcome, next: after });
}
