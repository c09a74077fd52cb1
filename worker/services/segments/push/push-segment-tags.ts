import { err, ok, type Result } from "../../../lib/result.ts";
import type { AdminGraphqlError } from "../../../shopify/admin-graphql.ts";
import { runBatchedMutation, type BatchedMutation } from "../../../shopify/run-batched-mutation.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import { segmentTag, type SegmentRow } from "../segment-view.ts";
import { missingTags, recordTagged, recordUntagged, staleTags, type TagDiffRow } from "./tag-queries.ts";
import { toGid } from "../../../shopify/gid.ts";

export type TagPushProgress = { added: number; removed: number; failed: number; errors: string[]; done: boolean };
export type TagPushError = AdminGraphqlError & { progress: TagPushProgress };

type TagsPayload = { node: { id: string } | null; userErrors: { field: string[] | null; message: string }[] } | null;

export const tagsMutation = (field: "tagsAdd" | "tagsRemove"): BatchedMutation => ({
  operation: field === "tagsAdd" ? "SegOpsTagsAdd" : "SegOpsTagsRemove",
  field,
  args: { id: "ID!", tags: "[String!]!" },
  selection: "node { id } userErrors { field message }",
});

const MAX_ERRORS_KEPT = 5;

/**
 * Brings Shopify's `segops:<slug>` tags in line with current memberships, sending only the diff against
 * `segment_tags`: removals first, then additions, at most `maxCalls` GraphQL documents of 25 customers each.
 */
export async function pushSegmentTags(args: { ctx: AdminContext; input: { segment: SegmentRow; maxCalls: number; now: number } }): Promise<Result<TagPushProgress, TagPushError>> {
  const { ctx, input } = args;
  const { segment } = input;
  const wanted = segment.kind === "customer" && segment.pushMode === "tags" && segment.deletedAt === null;
  const progress: TagPushProgress = { added: 0, removed: 0, failed: 0, errors: [], done: false };
  const fail = (message: string) => {
    progress.failed++;
    if (progress.errors.length < MAX_ERRORS_KEPT) progress.errors.push(message);
  };
  let calls = 0;

  for (const direction of ["remove", "add"] as const) {
    if (direction === "add" && !wanted) continue;
    let after = "";
    for (;;) {
      const rows =
        direction === "remove"
          ? await staleTags({ ctx, input: { segmentId: segment.id, after, keepMembers: wanted } })
          : await missingTags({ ctx, input: { segmentId: segment.id, after } });
      if (rows.length === 0) break;
      if (calls === input.maxCalls) return ok(progress);
      after = rows.at(-1)!.profileId;
      // A profile gone or redacted has no Shopify customer left to untag.
      const gone = rows.filter((row) => row.customerId === null).map((row) => row.profileId);
      await recordUntagged({ ctx, input: { segmentId: segment.id, profileIds: direction === "remove" ? gone : [] } });
      const sendable = rows.filter((row): row is TagDiffRow & { customerId: string } => row.customerId !== null);
      const tagOf = (row: TagDiffRow) => row.tag ?? segmentTag(segment.slug);
      if (sendable.length > 0) calls++;
      const result = await runBatchedMutation<TagsPayload>(
        ctx.admin,
        tagsMutation(direction === "add" ? "tagsAdd" : "tagsRemove"),
        sendable.map((row) => ({ id: toGid("Customer", row.customerId), tags: [tagOf(row)] })),
      );
      if (!result.ok) return err({ ...result.error, progress });
      const confirmed: string[] = [];
      result.value.forEach((payload, i) => {
        const row = sendable[i]!;
        const problem = payload === null ? "no answer" : payload.userErrors.map((e) => e.message).join("; ");
        // Untagging a customer Shopify no longer has is done: the tag went with the customer.
        if (!problem || (direction === "remove" && payload?.node === null)) confirmed.push(row.profileId);
        else fail(`customer ${row.customerId}: ${problem}`);
      });
      if (direction === "add") {
        await recordTagged({ ctx, input: { segmentId: segment.id, tag: segmentTag(segment.slug), profileIds: confirmed, now: input.now } });
        progress.added += confirmed.length;
      } else {
        await recordUntagged({ ctx, input: { segmentId: segment.id, profileIds: confirmed } });
        progress.removed += confirmed.length + gone.length;
      }
    }
  }
  progress.done = true;
  return ok(progress);
}
