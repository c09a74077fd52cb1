import { chooseBestRule, type ChosenRule } from "./choose-best-rule.ts";
import { describeLines } from "./describe-lines.ts";
import type { CartOperation, DiscountClass, RunInput, RunResult } from "./function-types.ts";
import { readConfiguration } from "./read-configuration.ts";

const NO_DISCOUNT: RunResult = { operations: [] };

/** A fixed amount in the shop's currency, in the cart's (the operation's unit) at the rate Shopify gives. */
function inCartCurrency(amount: string, rate: number): string {
  return rate === 1 ? amount : (Math.round(Number(amount) * rate * 100) / 100).toFixed(2);
}

function operationFor(chosen: ChosenRule, allLineIds: { id: string; giftCard: boolean }[], rate: number): CartOperation {
  const { rule, lines } = chosen;
  if (rule.on === "order") {
    const value = rule.p !== undefined ? { percentage: { value: rule.p } } : { fixedAmount: { amount: inCartCurrency(rule.a!, rate) } };
    const excludedCartLineIds = allLineIds.filter((line) => line.giftCard).map((line) => line.id);
    return { orderDiscountsAdd: { selectionStrategy: "FIRST", candidates: [{ message: rule.message, targets: [{ orderSubtotal: { excludedCartLineIds } }], value }] } };
  }
  const value =
    rule.p !== undefined
      ? { percentage: { value: rule.p } }
      : { fixedAmount: { amount: inCartCurrency(rule.a!, rate), appliesToEachItem: false } };
  const targets = lines.map((line) => ({ cartLine: { id: line.id } }));
  return { productDiscountsAdd: { selectionStrategy: "FIRST", candidates: [{ message: rule.message, targets, value }] } };
}

/**
 * `cart.lines.discounts.generate.run`: the best of the discount's rules for this buyer, or nothing. Guests,
 * buyers without a SegOps tag and configurations that do not read get no discount; nothing here throws, reads a
 * clock or draws a random number, so one cart always gets one answer.
 */
export function cartLinesDiscountsGenerateRun(input: RunInput): RunResult {
  const config = readConfiguration(input.discount.metafield?.jsonValue);
  if (!config || config.rules.length === 0) return NO_DISCOUNT;
  const held = new Set<string>();
  for (const entry of input.cart.buyerIdentity?.customer?.hasTags ?? []) if (entry.hasTag) held.add(entry.tag.toLowerCase());
  if (held.size === 0) return NO_DISCOUNT;
  const givenRate = Number(input.presentmentCurrencyRate);
  const rate = Number.isFinite(givenRate) && givenRate > 0 ? givenRate : 1;
  const lines = describeLines(input.cart.lines);
  const allowedClasses = new Set<DiscountClass>(input.discount.discountClasses);
  const chosen = chooseBestRule({ rules: config.rules, heldTags: held, allowedClasses, lines, rate });
  return chosen ? { operations: [operationFor(chosen, lines, rate)] } : NO_DISCOUNT;
}
