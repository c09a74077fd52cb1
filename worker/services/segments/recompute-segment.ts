import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { announceMembershipChanges } from "./announce-membership-changes.ts";
import { parseSegment, type SegmentError } from "./dsl/index.ts";
import { compileMembers } from "./read-segment-query.ts";
import { recomputeCounts, recomputeStatements } from "./recompute-statements.ts";
import type { SegmentRow } from "./segment-view.ts";

export type RecomputeOutcome = { segmentId: string; computedAt: number; size: number; entered: number; left: number };

/**
 * Runs the compiled member query and diffs it against current memberships inside D1, in one transaction; then
 * queues what the changes call for (tag push, Flow triggers).
 */
export async function recomputeSegment(args: { ctx: TenantContext; input: { segment: SegmentRow; now?: number } }): Promise<Result<RecomputeOutcome, SegmentError>> {
  const { ctx, input } = args;
  const { segment } = input;
  const now = input.now ?? Date.now();
  const ast = parseSegment(segment.queryJson, segment.kind);
  if (!ast.ok) return err(ast.error);
  const members = compileMembers(ast.value, segment.kind, ctx.tenantId, now);
  if (!members.ok) return err(members.error);
  const db = ctx.d1;
  const statements = recomputeStatements(members.value, { tenantId: ctx.tenantId, segmentId: segment.id, now });
  const results = await db.batch(statements.map((statement) => db.prepare(statement.sql).bind(...statement.params)));
  const outcome: RecomputeOutcome = { segmentId: segment.id, computedAt: now, ...recomputeCounts(results) };
  await announceMembershipChanges({ ctx, input: { segment, outcome } });
  return ok(outcome);
}
