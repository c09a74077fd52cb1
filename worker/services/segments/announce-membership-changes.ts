import type { TenantContext } from "../../context/deps.ts";
import { requestMembershipTriggers } from "../flow/request-membership-triggers.ts";
import { requestSegmentPush } from "./push/request-segment-push.ts";
import type { SegmentRow } from "./segment-view.ts";

/** What a recompute changed: how many customers entered and left the segment, as of `computedAt`. */
export type MembershipChange = { computedAt: number; entered: number; left: number };

/**
 * After a recompute that changed memberships: the tag push sends the diff, and Flow hears who entered or left,
 * except on a segment's first computation, whose members were already there rather than entering.
 */
export async function announceMembershipChanges(args: { ctx: TenantContext; input: { segment: SegmentRow; outcome: MembershipChange } }): Promise<void> {
  const { ctx, input } = args;
  const { segment, outcome } = input;
  if (segment.kind !== "customer" || outcome.entered + outcome.left === 0) return;
  if (segment.pushMode === "tags") await requestSegmentPush({ ctx, input: { segmentId: segment.id } });
  if (segment.lastComputedAt === null) return;
  await requestMembershipTriggers({ ctx, input: { segmentId: segment.id, computedAt: outcome.computedAt, entered: outcome.entered, left: outcome.left } });
}
