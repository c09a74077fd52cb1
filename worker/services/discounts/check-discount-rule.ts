import type { TenantContext } from "../../context/deps.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { checkPlanLimit } from "../billing/check-plan-limit.ts";
import { findSegment } from "../segments/find-segment.ts";
import type { SegmentRow } from "../segments/segment-view.ts";
import { countLiveRules, isLive } from "./count-live-rules.ts";
import { checkRuleFields, MAX_ACTIVE_RULES, type DiscountRuleError, type DiscountRuleFields } from "./discount-rule-input.ts";
import {
  buildFunctionConfiguration,
  CONFIGURATION_MAX_BYTES,
  configurationBytes,
  MAX_COLLECTIONS_PER_DISCOUNT,
  groupKey,
  type DiscountRuleRow,
  type LiveRule,
} from "./group-discount-rules.ts";
import { loadLiveRules } from "./load-live-rules.ts";

export type RuleValues = Omit<DiscountRuleRow, "id" | "tenantId" | "shopifyDiscountGid" | "createdAt" | "updatedAt">;

/**
 * Everything a rule must satisfy before Shopify hears of it: a customer segment pushed as tags (what the Function
 * reads), a free slot among the 25 active ones and in the plan's active discounts, and a configuration its
 * discount can still carry.
 */
export async function checkDiscountRule(args: {
  ctx: TenantContext;
  input: { fields: DiscountRuleFields; existing: DiscountRuleRow | null; now: number };
}): Promise<Result<{ values: RuleValues; segment: SegmentRow }, DiscountRuleError>> {
  const { ctx, input } = args;
  const { fields, existing, now } = input;
  const checked = checkRuleFields(fields);
  if (!checked.ok) return checked;
  const segment = await findSegment({ ctx, input: { slug: fields.segment } });
  if (!segment) return err({ reason: "invalid", field: "segment", message: `segment: no segment ${fields.segment} in this workspace` });
  if (segment.kind !== "customer") return err({ reason: "invalid", field: "segment", message: "segment: discounts go to customers; choose a customer segment" });
  const values: RuleValues = {
    segmentId: segment.id,
    title: fields.title,
    valueType: fields.valueType,
    value: fields.value,
    discountClass: fields.target === "order" ? "ORDER" : "PRODUCT",
    status: fields.status === "active" ? "active" : "inactive",
    startsAt: fields.startsAt ? new Date(fields.startsAt) : null,
    endsAt: fields.endsAt ? new Date(fields.endsAt) : null,
    target: fields.target,
    targetIds: checked.targetIds,
    minimumSubtotal: fields.minimumSubtotal,
    combinesWith: fields.combinesWith,
  };
  // The plan counts active rules, dated or not; Shopify's cap below counts those that apply now.
  const planAllows = async (): Promise<Result<void, DiscountRuleError>> => {
    if (values.status !== "active" || existing?.status === "active") return ok(undefined);
    const allowed = await checkPlanLimit({ ctx, input: { limit: "discounts" } });
    return allowed.ok ? ok(undefined) : err({ reason: "plan_limit", message: allowed.error.message, refusal: allowed.error });
  };
  if (!isLive(values, now)) {
    const allowed = await planAllows();
    return allowed.ok ? ok({ values, segment }) : allowed;
  }

  if (segment.pushMode !== "tags") {
    const message = `Segment ${segment.name} is not pushed as customer tags, so no customer carries segops:${segment.slug} for the discount to read. Push it as customer tags first.`;
    return err({ reason: "segment_not_pushed", message, segment: segment.slug, pushMode: segment.pushMode });
  }
  const wasLive = existing !== null && isLive(existing, now);
  const others = await countLiveRules({ ctx, input: { now, exceptId: existing?.id ?? null } });
  if (!wasLive && others >= MAX_ACTIVE_RULES) {
    const message = `${others} rules are already active, the most Shopify allows a store (25 automatic discount functions, counted across all apps). Pause or delete one first.`;
    return err({ reason: "limit_reached", message, active: others });
  }
  const allowed = await planAllows();
  if (!allowed.ok) return allowed;
  const candidate: LiveRule = { ...values, id: existing?.id ?? "dsc_new", tenantId: ctx.tenantId, shopifyDiscountGid: null, createdAt: new Date(now), updatedAt: new Date(now), tag: `segops:${segment.slug}` };
  const key = groupKey(candidate);
  const group = [...(await loadLiveRules({ ctx, input: { now } })).filter((rule) => rule.id !== candidate.id && groupKey(rule) === key), candidate];
  const configuration = buildFunctionConfiguration(group);
  if (configuration.collectionIds.length > MAX_COLLECTIONS_PER_DISCOUNT) {
    const message = `targetIds: the ${group.length} rules sharing this rule's dates and combinations would target ${configuration.collectionIds.length} collections; at most ${MAX_COLLECTIONS_PER_DISCOUNT} fit, because Shopify hands the Function each collection's membership for every cart line and caps that input at 128 kB. Target products instead, or give this rule other dates or combinations.`;
    return err({ reason: "invalid", field: "targetIds", message });
  }
  const bytes = configurationBytes(configuration);
  if (bytes > CONFIGURATION_MAX_BYTES) {
    const message = `targetIds: with this rule, the ${group.length} rules sharing its dates and combinations need ${bytes} bytes of configuration; Shopify lets a Function read ${CONFIGURATION_MAX_BYTES}. Name fewer products, variants or collections.`;
    return err({ reason: "invalid", field: "targetIds", message });
  }
  return ok({ values, segment });
}
