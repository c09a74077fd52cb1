import type { DiscountRuleConfig } from "./configuration.ts";
import type { DescribedLine } from "./describe-lines.ts";
import type { DiscountClass } from "./function-types.ts";

export type ChosenRule = { rule: DiscountRuleConfig; lines: DescribedLine[]; saving: number };

export const classOf = (rule: DiscountRuleConfig): DiscountClass => (rule.on === "order" ? "ORDER" : "PRODUCT");

function targets(rule: DiscountRuleConfig): (line: DescribedLine) => boolean {
  const ids = new Set(rule.ids);
  switch (rule.on) {
    case "order":
      return () => true;
    case "products":
      return (line) => line.productId !== null && ids.has(line.productId);
    case "variants":
      return (line) => line.variantId !== null && ids.has(line.variantId);
    case "collections":
      return (line) => rule.ids.some((id) => line.collectionIds.has(id));
  }
}

/** Lines a rule discounts; gift cards are never discounted. */
const eligibleLines = (rule: DiscountRuleConfig, lines: DescribedLine[]): DescribedLine[] => {
  const targeted = targets(rule);
  return lines.filter((line) => !line.giftCard && targeted(line));
};

/**
 * The rule that saves the buyer most among those that apply: the buyer holds one of its tags, its class is one
 * the discount may emit, the cart reaches its minimum and it has lines to discount. Equal savings go to the
 * smaller rule id, so the same cart always gets the same answer.
 */
export function chooseBestRule(args: {
  rules: DiscountRuleConfig[];
  heldTags: Set<string>;
  allowedClasses: Set<DiscountClass>;
  lines: DescribedLine[];
  rate: number;
}): ChosenRule | null {
  const { rules, heldTags, allowedClasses, lines, rate } = args;
  const cartSubtotal = lines.reduce((sum, line) => (line.giftCard ? sum : sum + line.subtotal), 0);
  let best: ChosenRule | null = null;
  for (const rule of rules) {
    if (!allowedClasses.has(classOf(rule))) continue;
    if (!rule.tags.some((tag) => heldTags.has(tag.toLowerCase()))) continue;
    if (rule.min !== undefined && cartSubtotal < Number(rule.min) * rate) continue;
    const ruleLines = eligibleLines(rule, lines);
    const base = ruleLines.reduce((sum, line) => sum + line.subtotal, 0);
    if (base <= 0) continue;
    const saving = rule.p !== undefined ? (base * Number(rule.p)) / 100 : Math.min(Number(rule.a) * rate, base);
    const better = best === null || saving > best.saving + 1e-9 || (Math.abs(saving - best.saving) <= 1e-9 && rule.id < best.rule.id);
    if (better) best = { rule, lines: ruleLines, saving };
  }
  return best;
}
