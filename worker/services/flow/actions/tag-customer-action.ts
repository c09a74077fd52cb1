import { SEGOPS_TAG_PREFIX } from "../../segments/dsl/index.ts";
import { refuse, textProperty, type FlowActionRun } from "./flow-action.ts";
import { toGid } from "../../../shopify/gid.ts";
import { loadRedactionProbe } from "../../privacy/index.ts";

const TAGS_ADD = `mutation SegOpsFlowTagCustomer($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) { node { id } userErrors { field message } }
}`;

type TagsAddData = { tagsAdd: { node: { id: string } | null; userErrors: { message: string }[] } | null };

/** "Tag a customer": adds `tag` in Shopify. `segops:` tags are left to segment pushes, which keep them exact. */
export const tagCustomerAction: FlowActionRun = async ({ ctx, input: { properties } }) => {
  const customerId = textProperty(properties, "customer_id");
  const tag = textProperty(properties, "tag");
  if (!customerId || !/^\d+$/.test(customerId)) return refuse("The step has no customer: use it in a workflow about a customer.");
  if (!tag || tag.length > 255 || tag.includes(",")) return refuse("Give one tag of at most 255 characters, without commas.");
  if (tag.toLowerCase().startsWith(SEGOPS_TAG_PREFIX)) {
    return refuse(`${SEGOPS_TAG_PREFIX} tags follow segment memberships; push the segment from SegOps instead.`);
  }
  const redacted = await loadRedactionProbe({ ctx, input: { subjects: [{ tenantId: ctx.tenantId, kind: "customer_id", value: customerId }] } });
  // A customer erased at their request is not acted on again, and their id is not stored with the run's answer.
  if (redacted(ctx.tenantId, "customer_id", customerId)) return refuse("This customer's data was erased at their request; SegOps no longer acts on them.", 404);
  const result = await ctx.admin.request<TagsAddData>(TAGS_ADD, { id: toGid("Customer", customerId), tags: [tag] });
  if (!result.ok) {
    if (result.error.kind === "unavailable" || result.error.kind === "graphql") return { status: "retry", message: result.error.message };
    return refuse(`Shopify refused the tag: ${result.error.message}`);
  }
  const payload = result.value.tagsAdd;
  if (!payload?.node) return refuse(`Shopify refused the tag: ${payload?.userErrors.map((e) => e.message).join("; ") || "no answer"}`, 404);
  return { status: 200, body: { customerId, tag } };
};
