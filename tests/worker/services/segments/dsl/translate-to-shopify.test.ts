import { describe, expect, it } from "vitest";
import { parseSegment, translateToShopify, type SegmentKind, type SegmentNode } from "../../../../../worker/services/segments/dsl/index.ts";

function translated(text: string, kind: SegmentKind = "customer") {
  const ast = parseSegment(text, kind);
  if (!ast.ok) throw new Error(ast.error.message);
  return translateToShopify(ast.value, kind);
}

describe("translateToShopify: translatable rules", () => {
  it.each([
    [
      'country in ("US","CA") and total_spent >= 200 and orders_count >= 2',
      "(customer_countries CONTAINS 'US' OR customer_countries CONTAINS 'CA') AND amount_spent >= 200 AND number_of_orders >= 2",
    ],
    ['country = "us"', "customer_countries CONTAINS 'US'"],
    ['country != "US"', "customer_countries NOT CONTAINS 'US'"],
    ['country not in ("US", "CA")', "customer_countries NOT CONTAINS 'US' AND customer_countries NOT CONTAINS 'CA'"],
    ['tags contains "high-value"', "customer_tags CONTAINS 'high-value'"],
    ['tags not contains "wholesale"', "customer_tags NOT CONTAINS 'wholesale'"],
    ["total_spent between 100 and 500", "amount_spent BETWEEN 100 AND 500"],
    ["total_spent < 99.5", "amount_spent < 99.5"],
    ["orders_count = 0", "number_of_orders = 0"],
    ["last_order_date >= -90d", "last_order_date >= -90d"],
    ["last_order_date < -6m and first_order_date >= 2026-01-01", "last_order_date < -6m AND first_order_date >= 2026-01-01"],
    ["first_order_date between -1y and -12w", "first_order_date BETWEEN -1y AND -12w"],
    ["last_order_date = today", "last_order_date = today"],
    ['email_subscription = "subscribed"', "email_subscription_status = 'SUBSCRIBED'"],
    ['email_subscription in ("pending", "not_subscribed")', "email_subscription_status = 'PENDING' OR email_subscription_status = 'NOT_SUBSCRIBED'"],
    ['email_subscription not in ("invalid", "redacted")', "email_subscription_status != 'INVALID' AND email_subscription_status != 'REDACTED'"],
    [
      'tags contains "vip" and not (email_subscription = "unsubscribed")',
      "customer_tags CONTAINS 'vip' AND NOT (email_subscription_status = 'UNSUBSCRIBED')",
    ],
    [
      '(country = "US" or country = "CA") and tags not contains "wholesale"',
      "(customer_countries CONTAINS 'US' OR customer_countries CONTAINS 'CA') AND customer_tags NOT CONTAINS 'wholesale'",
    ],
    [
      'orders_count > 3 or (total_spent > 1000 and country in ("FR"))',
      "number_of_orders > 3 OR (amount_spent > 1000 AND customer_countries CONTAINS 'FR')",
    ],
    ['not (country in ("US", "CA"))', "NOT (customer_countries CONTAINS 'US' OR customer_countries CONTAINS 'CA')"],
  ])("%s", (text, query) => {
    expect(translated(text)).toEqual({ ok: true, value: { query } });
  });

  it("escapes single quotes and backslashes the way Shopify reads them", () => {
    expect(translated(`tags contains "O'Brien \\\\ co"`)).toEqual({ ok: true, value: { query: "customer_tags CONTAINS 'O\\'Brien \\\\ co'" } });
  });

  it("never emits the deprecated named dates", () => {
    for (const date of ["-90d", "-30d", "-7d", "-12m", "-1y", "today"]) {
      const result = translated(`last_order_date >= ${date}`);
      expect(result.ok && result.value.query).not.toMatch(/_ago/);
    }
  });
});

describe("translateToShopify: blocked rules are named", () => {
  it.each([
    ['country in ("US") and purchase.count(30d) >= 1', "purchase.count(30d) >= 1", /count SegOps events/],
    ["last_seen >= -30d", "last_seen >= -30d", /no last-seen attribute/],
    ['orders_count > 1 or email contains "@acme.com"', 'email contains "@acme.com"', /cannot filter on email/],
    ["not (last_order_date is set)", "last_order_date is set", /cannot test whether last_order_date is set/],
    ['country is not set and tags contains "x"', "country is not set", /cannot test whether country is not set/],
  ])("blocks %s on %s", (text, rule, reason) => {
    const result = translated(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.rule).toBe(rule);
    expect(result.error.reason).toMatch(reason);
  });

  it("names the first blocking rule in reading order", () => {
    const result = translated("last_seen >= -7d and add_to_cart.count(7d) >= 1");
    expect(result).toMatchObject({ ok: false, error: { rule: "last_seen >= -7d" } });
  });

  it("blocks every product segment, naming its first rule", () => {
    expect(translated('vendor = "Acme" and price between 10 and 50', "product")).toEqual({
      ok: false,
      error: { rule: 'vendor = "Acme"', reason: "product segments cannot become Shopify customer segments" },
    });
    expect(translated('tags contains "summer"', "product")).toMatchObject({ ok: false, error: { rule: 'tags contains "summer"' } });
  });

  it("rejects an AST that is not a valid segment of the kind", () => {
    const ast = { attr: "price", op: ">", value: 1 } as SegmentNode;
    expect(translateToShopify(ast, "customer")).toMatchObject({ ok: false, error: { rule: "$.attr", reason: /product attribute/ } });
  });
});
