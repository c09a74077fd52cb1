import type { AppDiscountRecord } from "../store/discounts-store.ts";

type Value = { percentage?: { value: string | number }; fixedAmount?: { amount: string | number } };
type Candidate = { message?: string; targets: { cartLine?: { id: string }; orderSubtotal?: { excludedCartLineIds: string[] } }[]; value: Value };
type Operation = { productDiscountsAdd?: { candidates: Candidate[] }; orderDiscountsAdd?: { candidates: Candidate[] } };

export type PricedLine = { id: string; cents: number };
export type DiscountRun = { discount: AppDiscountRecord; output: { operations?: Operation[] } };
export type AppliedDiscount = { discountId: string; title: string; message: string | null; discountClass: "ORDER" | "PRODUCT"; cents: number; lineCents: Map<string, number> };

const cents = (value: string | number) => Math.round(Number(value) * 100);

/** What one candidate takes off `base` (lines by id → cents), spread over the lines in proportion to their price. */
function allocate(value: Value, base: PricedLine[]): Map<string, number> {
  const total = base.reduce((sum, line) => sum + line.cents, 0);
  const off = value.percentage ? Math.round((total * Number(value.percentage.value)) / 100) : Math.min(cents(value.fixedAmount?.amount ?? 0), total);
  const shares = new Map<string, number>();
  let given = 0;
  base.forEach((line, index) => {
    const share = index === base.length - 1 ? off - given : Math.floor((off * line.cents) / Math.max(total, 1));
    given += share;
    shares.set(line.id, share);
  });
  return shares;
}

/**
 * What one Function run takes off the cart. Each operation applies its first candidate (the Function's own
 * FIRST strategy); operations of a class the discount was not given are dropped, as Shopify drops them.
 */
export function discountOf(run: DiscountRun, lines: PricedLine[]): AppliedDiscount[] {
  const applied: AppliedDiscount[] = [];
  const base = { discountId: `gid://shopify/DiscountAutomaticNode/${run.discount.id}`, title: run.discount.title };
  for (const operation of run.output.operations ?? []) {
    const product = operation.productDiscountsAdd?.candidates[0];
    if (product && run.discount.discountClasses.includes("PRODUCT")) {
      const ids = new Set(product.targets.map((target) => target.cartLine?.id));
      const lineCents = allocate(product.value, lines.filter((line) => ids.has(line.id)));
      applied.push({ ...base, message: product.message ?? null, discountClass: "PRODUCT", cents: [...lineCents.values()].reduce((a, b) => a + b, 0), lineCents });
    }
    const order = operation.orderDiscountsAdd?.candidates[0];
    if (order && run.discount.discountClasses.includes("ORDER")) {
      const excluded = new Set(order.targets.flatMap((target) => target.orderSubtotal?.excludedCartLineIds ?? []));
      const lineCents = allocate(order.value, lines.filter((line) => !excluded.has(line.id)));
      applied.push({ ...base, message: order.message ?? null, discountClass: "ORDER", cents: [...lineCents.values()].reduce((a, b) => a + b, 0), lineCents });
    }
  }
  return applied.filter((discount) => discount.cents > 0);
}

const allows = (by: AppDiscountRecord, discountClass: "ORDER" | "PRODUCT") =>
  discountClass === "ORDER" ? by.combinesWith.orderDiscounts : by.combinesWith.productDiscounts;

/**
 * Which discounts the buyer gets: the largest first, then each further one that it and every chosen one may
 * combine with (a simplification of Shopify's combination rules, enough to show discounts that do not stack).
 */
export function combineDiscounts(runs: DiscountRun[], lines: PricedLine[]): AppliedDiscount[] {
  const byId = new Map(runs.map((run) => [`gid://shopify/DiscountAutomaticNode/${run.discount.id}`, run.discount]));
  const offers = runs.flatMap((run) => discountOf(run, lines)).sort((a, b) => b.cents - a.cents || (a.discountId < b.discountId ? -1 : 1));
  const chosen: AppliedDiscount[] = [];
  for (const offer of offers) {
    const own = byId.get(offer.discountId)!;
    const fits = chosen.every((other) => {
      if (other.discountId === offer.discountId) return true;
      return allows(own, other.discountClass) && allows(byId.get(other.discountId)!, offer.discountClass);
    });
    if (fits) chosen.push(offer);
  }
  return chosen;
}
