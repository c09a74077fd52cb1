import { readFileSync, statSync } from "node:fs";
import { parseId } from "../lib/ids.ts";
import { storeNow } from "../store/create-shop.ts";
import { discountStatus, shopDiscounts } from "../store/discounts-store.ts";
import { StoreInputError } from "../store/input-error.ts";
import type { ShopState, SimContext } from "../types.ts";
import { combineDiscounts, type DiscountRun, type PricedLine } from "./apply-discount-runs.ts";
import { buildFunctionInput, type CartLineRequest } from "./function-input.ts";
import { loadFunctionBundle, type LoadedFunction } from "./load-function-bundle.ts";

const DISCOUNT_TARGET = "cart.lines.discounts.generate.run";
const loaded = new Map<string, { mtimeMs: number; fn: LoadedFunction }>();

/** The Function's bundle, reloaded when it is rebuilt. */
function bundle(path: string): LoadedFunction {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    throw new StoreInputError("function_not_built", `${path} does not exist: build the Function first (npm run build:discount-function)`, 409);
  }
  const cached = loaded.get(path);
  if (cached?.mtimeMs === mtimeMs) return cached.fn;
  const fn = loadFunctionBundle(readFileSync(path, "utf8"));
  loaded.set(path, { mtimeMs, fn });
  return fn;
}

export type CartRequest = { customerId: string | null; lines: { variantId: string; quantity: number }[]; presentmentCurrencyRate: number };

/**
 * A checkout of `request`'s cart by its customer: every active automatic app discount runs its Function on the
 * input its own input query selects from the store (the customer's tags as they are now), and the discounts
 * that combine are applied. Answers the totals and each run's input and output, for tests to look into.
 */
export function evaluateCart(ctx: SimContext, shop: ShopState, request: CartRequest) {
  const now = storeNow(shop);
  const lines: CartLineRequest[] = request.lines.map((line) => {
    const variantIndex = shop.index.variants.get(parseId(line.variantId).id);
    if (variantIndex === undefined) throw new StoreInputError("unknown_variant", `No variant ${line.variantId} in ${shop.domain}`);
    return { variantIndex, quantity: line.quantity };
  });
  let customer = null;
  if (request.customerId !== null) {
    const index = shop.index.customers.get(parseId(request.customerId).id);
    if (index === undefined) throw new StoreInputError("unknown_customer", `No customer ${request.customerId} in ${shop.domain}`);
    customer = shop.customers[index]!;
  }
  const priced: PricedLine[] = lines.map((line, index) => ({ id: `gid://shopify/CartLine/${index + 1}`, cents: shop.variants[line.variantIndex]!.priceCents * line.quantity }));
  const runs: (DiscountRun & { input: Record<string, unknown> })[] = [];
  const discounts = [...shopDiscounts(shop).discounts.values()].sort((a, b) => Number(a.id) - Number(b.id));
  for (const discount of discounts) {
    if (discountStatus(discount, now) !== "ACTIVE") continue;
    const fn = (ctx.options.functions ?? []).find((deployed) => deployed.handle === discount.functionHandle && deployed.target === DISCOUNT_TARGET);
    if (!fn) continue;
    const input = buildFunctionInput({
      shop,
      discount,
      inputQuery: fn.inputQuery,
      variablesMetafield: fn.variables,
      customer,
      lines,
      rate: request.presentmentCurrencyRate,
    });
    const output = JSON.parse(bundle(fn.bundlePath).run(fn.exportName, JSON.stringify(input))) as DiscountRun["output"];
    runs.push({ discount, input, output });
  }
  const applied = combineDiscounts(runs, priced);
  const subtotal = priced.reduce((sum, line) => sum + line.cents, 0);
  const discountTotal = applied.reduce((sum, discount) => sum + discount.cents, 0);
  const amount = (cents: number) => (cents / 100).toFixed(2);
  return {
    currency: shop.currency,
    subtotal: amount(subtotal),
    discountTotal: amount(discountTotal),
    total: amount(subtotal - discountTotal),
    lines: priced.map((line, index) => ({
      id: line.id,
      variantId: `gid://shopify/ProductVariant/${shop.variants[lines[index]!.variantIndex]!.id}`,
      quantity: lines[index]!.quantity,
      subtotal: amount(line.cents),
      discount: amount(applied.reduce((sum, discount) => sum + (discount.lineCents.get(line.id) ?? 0), 0)),
    })),
    applied: applied.map(({ lineCents: _lines, cents, ...discount }) => ({ ...discount, amount: amount(cents) })),
    runs: runs.map((run) => ({ discountId: `gid://shopify/DiscountAutomaticNode/${run.discount.id}`, title: run.discount.title, input: run.input, output: run.output })),
  };
}
