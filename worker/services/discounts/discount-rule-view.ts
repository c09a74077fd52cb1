import type { CombinesWith } from "../../db/schema/index.ts";
import type { SegmentRow } from "../segments/segment-view.ts";
import type { DiscountRuleRow } from "./group-discount-rules.ts";

export type DiscountRuleView = {
  id: string;
  title: string;
  status: "active" | "paused";
  segment: { slug: string; name: string; tag: string; pushMode: "none" | "tags" | "native"; deleted: boolean };
  valueType: "percentage" | "fixed_amount";
  value: string;
  target: DiscountRuleRow["target"];
  targetIds: string[];
  minimumSubtotal: string | null;
  startsAt: string | null;
  endsAt: string | null;
  combinesWith: CombinesWith;
  /** The Shopify automatic app discount carrying this rule, null while paused or ended. */
  shopifyDiscountId: string | null;
  /** Why the rule gives nobody a discount although it is active, if it does. */
  warning: string | null;
  createdAt: string;
  updatedAt: string;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function warningFor(rule: DiscountRuleRow, segment: SegmentRow, now: number): string | null {
  if (rule.status !== "active") return null;
  if (segment.deletedAt) return `Its segment ${segment.name} was deleted, so nobody carries segops:${segment.slug} any more.`;
  if (segment.pushMode !== "tags") {
    return `Its segment ${segment.name} is not pushed as customer tags, so no customer carries segops:${segment.slug}: push it as tags for this rule to apply.`;
  }
  if (rule.endsAt && rule.endsAt.getTime() <= now) return `It ended on ${rule.endsAt.toISOString().slice(0, 10)}.`;
  return null;
}

export function toDiscountRuleView(rule: DiscountRuleRow, segment: SegmentRow, now = Date.now()): DiscountRuleView {
  return {
    id: rule.id,
    title: rule.title,
    status: rule.status === "active" ? "active" : "paused",
    segment: { slug: segment.slug, name: segment.name, tag: `segops:${segment.slug}`, pushMode: segment.pushMode, deleted: segment.deletedAt !== null },
    valueType: rule.valueType,
    value: rule.value,
    target: rule.target,
    targetIds: rule.targetIds,
    minimumSubtotal: rule.minimumSubtotal,
    startsAt: iso(rule.startsAt),
    endsAt: iso(rule.endsAt),
    combinesWith: rule.combinesWith,
    shopifyDiscountId: rule.shopifyDiscountGid,
    warning: warningFor(rule, segment, now),
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}
