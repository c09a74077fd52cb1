/** REST payload money: always two decimals, as a string ("600.00"). */
export function restMoney(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** GraphQL Decimal: Shopify drops trailing zeros but keeps one decimal ("600.0", "19.99"). */
export function decimal(cents: number): string {
  const text = String(cents / 100);
  return text.includes(".") ? text : `${text}.0`;
}

export function moneyV2(cents: number, currencyCode: string): { amount: string; currencyCode: string } {
  return { amount: decimal(cents), currencyCode };
}

export function moneyBag(cents: number, currencyCode: string) {
  const money = moneyV2(cents, currencyCode);
  return { shopMoney: money, presentmentMoney: money };
}

export function restMoneySet(cents: number, currencyCode: string) {
  const money = { amount: restMoney(cents), currency_code: currencyCode };
  return { shop_money: money, presentment_money: money };
}

export function toCents(amount: string | number): number {
  return Math.round(Number(amount) * 100);
}
