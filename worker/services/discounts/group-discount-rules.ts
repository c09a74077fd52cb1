import type { FunctionConfiguration } from "../../../extensions/segops-discount/src/configuration.ts";
import type { CombinesWith, discountRulesTable } from "../../db/schema/index.ts";

export type DiscountRuleRow = typeof discountRulesTable.$inferSelect;
/** An active rule with the tag of its segment (`segops:<slug>`), as the Function's configuration names it. */
export type LiveRule = DiscountRuleRow & { tag: string };

export type DiscountGroup = {
  key: string;
  startsAt: Date | null;
  endsAt: Date | null;
  combinesWith: CombinesWith;
  rules: LiveRule[];
};

export const FUNCTION_HANDLE = "segops-discount";
export const CONFIGURATION_NAMESPACE = "$app:segops-discount";
export const CONFIGURATION_KEY = "function-configuration";
/** Shopify's limit on a metafield value a Function reads. */
export const CONFIGURATION_MAX_BYTES = 10_000;
/**
 * Each collection a discount's rules target adds an `inCollections` entry to every cart line of the Function's
 * input (about 70 bytes): with 4, a 200-line cart and 25 rules stay under Shopify's 128 kB input (npm run bench).
 */
export const MAX_COLLECTIONS_PER_DISCOUNT = 4;

const flag = (value: boolean) => (value ? 1 : 0);

/** Rules that start, end and combine alike can share one Shopify discount: those are Shopify's, not the Function's. */
export function groupKey(rule: Pick<DiscountRuleRow, "startsAt" | "endsAt" | "combinesWith">): string {
  const { orderDiscounts, productDiscounts, shippingDiscounts } = rule.combinesWith;
  return `${rule.startsAt?.getTime() ?? "-"}|${rule.endsAt?.getTime() ?? "-"}|o${flag(orderDiscounts)}p${flag(productDiscounts)}s${flag(shippingDiscounts)}`;
}

/** Groups rules by dates and combinations, groups and their rules in a stable order (by key, by rule id). */
export function groupDiscountRules(rules: LiveRule[]): DiscountGroup[] {
  const groups = new Map<string, DiscountGroup>();
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = groupKey(rule);
    const group = groups.get(key) ?? { key, startsAt: rule.startsAt, endsAt: rule.endsAt, combinesWith: rule.combinesWith, rules: [] };
    group.rules.push(rule);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

const unique = (values: string[]) => [...new Set(values)];

/** The JSON the Function reads (extensions/segops-discount/src/configuration.ts) for one group's rules. */
export function buildFunctionConfiguration(rules: LiveRule[]): FunctionConfiguration {
  return {
    tags: unique(rules.map((rule) => rule.tag)),
    collectionIds: unique(rules.filter((rule) => rule.target === "collections").flatMap((rule) => rule.targetIds.map((id) => `gid://shopify/Collection/${id}`))),
    rules: rules.map((rule) => ({
      id: rule.id,
      tags: [rule.tag],
      message: rule.title,
      ...(rule.valueType === "percentage" ? { p: rule.value } : { a: rule.value }),
      on: rule.target,
      ids: rule.targetIds,
      ...(rule.minimumSubtotal === null ? {} : { min: rule.minimumSubtotal }),
    })),
  };
}

export const configurationBytes = (configuration: FunctionConfiguration): number => new TextEncoder().encode(JSON.stringify(configuration)).length;

/** `DiscountAutomaticAppInput` for a group: its dates and combinations, the classes its rules emit, its configuration. */
export function discountInput(group: DiscountGroup, startsAt: Date) {
  const classes = unique(group.rules.map((rule) => (rule.target === "order" ? "ORDER" : "PRODUCT"))).sort();
  const titles = group.rules.map((rule) => rule.title).join(" · ");
  return {
    title: `SegOps: ${titles}`.slice(0, 255),
    functionHandle: FUNCTION_HANDLE,
    discountClasses: classes,
    startsAt: (group.startsAt ?? startsAt).toISOString(),
    endsAt: group.endsAt?.toISOString() ?? null,
    combinesWith: group.combinesWith,
    metafields: [{ namespace: CONFIGURATION_NAMESPACE, key: CONFIGURATION_KEY, type: "json", value: JSON.stringify(buildFunctionConfiguration(group.rules)) }],
  };
}

export type DiscountInput = ReturnType<typeof discountInput>;
