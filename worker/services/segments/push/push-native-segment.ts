import { and, eq } from "drizzle-orm";
import { segmentsTable } from "../../../db/schema/index.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import type { AdminGraphqlError } from "../../../shopify/admin-graphql.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import { translationOf, type SegmentRow } from "../segment-view.ts";

export type NativePushError = AdminGraphqlError | { kind: "untranslatable" | "rejected"; message: string };

type UserErrors = { field: string[] | null; message: string }[];
type SegmentPayload = { segment: { id: string } | null; userErrors: UserErrors } | null;

const CREATE = `mutation SegOpsSegmentCreate($name: String!, $query: String!) {
  segmentCreate(name: $name, query: $query) { segment { id } userErrors { field message } }
}`;
const UPDATE = `mutation SegOpsSegmentUpdate($id: ID!, $name: String, $query: String) {
  segmentUpdate(id: $id, name: $name, query: $query) { segment { id } userErrors { field message } }
}`;

// Shopify segment names are unique per shop: the suffix keeps ours apart from the merchant's own.
const nativeName = (segment: SegmentRow, attempt: number) => `${segment.name} (SegOps${attempt === 0 ? "" : ` ${segment.slug}`})`;

/**
 * Creates or updates the Shopify segment for a segment whose every rule translates (2026-07 query language),
 * and stores its id. A native segment the merchant deleted in Shopify is created again.
 */
export async function pushNativeSegment(args: { ctx: AdminContext; input: { segment: SegmentRow } }): Promise<Result<{ id: string; query: string }, NativePushError>> {
  const { ctx, input } = args;
  const { segment } = input;
  const translation = translationOf(segment.queryJson, segment.kind);
  if (!translation.translatable) {
    return err({ kind: "untranslatable", message: `\`${translation.rule}\` blocks a native Shopify segment: ${translation.reason}` });
  }
  const query = translation.query;
  if (segment.nativeSegmentGid) {
    const updated = await ctx.admin.request<{ segmentUpdate: SegmentPayload }>(UPDATE, { id: segment.nativeSegmentGid, name: nativeName(segment, 0), query });
    if (!updated.ok) return updated;
    const payload = updated.value.segmentUpdate;
    if (payload?.segment) return ok({ id: payload.segment.id, query });
    if (!payload?.userErrors.some((e) => e.field?.includes("id"))) return err({ kind: "rejected", message: messages(payload?.userErrors) });
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const created = await ctx.admin.request<{ segmentCreate: SegmentPayload }>(CREATE, { name: nativeName(segment, attempt), query });
    if (!created.ok) return created;
    const payload = created.value.segmentCreate;
    if (payload?.segment) {
      await ctx.db
        .update(segmentsTable)
        .set({ nativeSegmentGid: payload.segment.id })
        .where(and(eq(segmentsTable.tenantId, ctx.tenantId), eq(segmentsTable.id, segment.id)));
      return ok({ id: payload.segment.id, query });
    }
    if (!payload?.userErrors.some((e) => e.field?.includes("name"))) return err({ kind: "rejected", message: messages(payload?.userErrors) });
  }
  return err({ kind: "rejected", message: `Shopify already has segments named ${nativeName(segment, 0)} and ${nativeName(segment, 1)}` });
}

const messages = (errors: UserErrors | undefined) => errors?.map((e) => e.message).join("; ") || "Shopify gave no answer";
