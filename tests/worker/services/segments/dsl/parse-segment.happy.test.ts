import { describe, expect, it } from "vitest";
import { formatSegment, parseSegment, type SegmentKind, type SegmentNode } from "../../../../../worker/services/segments/dsl/index.ts";

function parsed(text: string, kind: SegmentKind = "customer"): SegmentNode {
  const result = parseSegment(text, kind);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe("parseSegment: text form", () => {
  it.each<[string, SegmentKind, SegmentNode]>([
    [
      'country in ("US","CA") and total_spent >= 200 and orders_count >= 2 and purchase.count(30d) >= 1',
      "customer",
      {
        and: [
          { attr: "country", op: "in", value: ["US", "CA"] },
          { attr: "total_spent", op: ">=", value: 200 },
          { attr: "orders_count", op: ">=", value: 2 },
          { event: "purchase", window: "30d", op: ">=", value: 1 },
        ],
      },
    ],
    ["ai_readability_score < 50", "product", { attr: "ai_readability_score", op: "<", value: 50 }],
    [
      'tags contains "vip" and not (email_subscription = "unsubscribed")',
      "customer",
      { and: [{ attr: "tags", op: "contains", value: "vip" }, { not: { attr: "email_subscription", op: "=", value: "unsubscribed" } }] },
    ],
    [
      "last_order_date < -90d and orders_count >= 1",
      "customer",
      { and: [{ attr: "last_order_date", op: "<", value: "-90d" }, { attr: "orders_count", op: ">=", value: 1 }] },
    ],
    [
      "add_to_cart.count(7d) >= 1 and purchase.count(7d) = 0",
      "customer",
      { and: [{ event: "add_to_cart", window: "7d", op: ">=", value: 1 }, { event: "purchase", window: "7d", op: "=", value: 0 }] },
    ],
    ["last_seen >= -30d", "customer", { attr: "last_seen", op: ">=", value: "-30d" }],
    ["product_view.count(ALL) >= 5", "customer", { event: "product_view", window: "all", op: ">=", value: 5 }],
    ["first_order_date >= 2026-01-01", "customer", { attr: "first_order_date", op: ">=", value: "2026-01-01" }],
    [
      '(country = "US" or country = "CA") and tags not contains "wholesale"',
      "customer",
      {
        and: [
          { or: [{ attr: "country", op: "=", value: "US" }, { attr: "country", op: "=", value: "CA" }] },
          { attr: "tags", op: "not contains", value: "wholesale" },
        ],
      },
    ],
    [
      'vendor = "Acme" and price between 10 and 50',
      "product",
      { and: [{ attr: "vendor", op: "=", value: "Acme" }, { attr: "price", op: "between", value: [10, 50] }] },
    ],
    ["inventory <= 5 and mentions >= 3", "product", { and: [{ attr: "inventory", op: "<=", value: 5 }, { attr: "mentions", op: ">=", value: 3 }] }],
    [
      'type in ("Shirts","Hoodies") and tags contains "summer"',
      "product",
      { and: [{ attr: "type", op: "in", value: ["Shirts", "Hoodies"] }, { attr: "tags", op: "contains", value: "summer" }] },
    ],
  ])("parses %s", (text, kind, expected) => {
    expect(parsed(text, kind)).toEqual(expected);
  });

  it("reads multi-line input with # comments", () => {
    const text = `# lapsed big spenders
total_spent >= 500   # shop currency
  AND last_order_date < -6m
`;
    expect(parsed(text)).toEqual({ and: [{ attr: "total_spent", op: ">=", value: 500 }, { attr: "last_order_date", op: "<", value: "-6m" }] });
  });

  it("treats keywords, attribute names and enum values case-insensitively and canonicalises values", () => {
    expect(parsed('NOT Country IN ("us") OR Email_Subscription = "SUBSCRIBED" And Last_Seen Is Not Set')).toEqual({
      or: [
        { not: { attr: "country", op: "in", value: ["US"] } },
        { and: [{ attr: "email_subscription", op: "=", value: "subscribed" }, { attr: "last_seen", op: "is not set" }] },
      ],
    });
  });

  it("binds not tighter than and, and and tighter than or", () => {
    expect(parsed("not orders_count = 0 and total_spent > 1 or last_seen >= today")).toEqual({
      or: [
        { and: [{ not: { attr: "orders_count", op: "=", value: 0 } }, { attr: "total_spent", op: ">", value: 1 }] },
        { attr: "last_seen", op: ">=", value: "today" },
      ],
    });
  });

  it("accepts every operator form and the ai_score alias", () => {
    expect(parsed('ai_score is set and status not in ("draft") and title not contains "test" and price != 9.99', "product")).toEqual({
      and: [
        { attr: "ai_readability_score", op: "is set" },
        { attr: "status", op: "not in", value: ["draft"] },
        { attr: "title", op: "not contains", value: "test" },
        { attr: "price", op: "!=", value: 9.99 },
      ],
    });
    expect(parsed('email contains "@acme.com" and email != "a\\"b@x.com" and last_order_date between -1y and -12w')).toEqual({
      and: [
        { attr: "email", op: "contains", value: "@acme.com" },
        { attr: "email", op: "!=", value: 'a"b@x.com' },
        { attr: "last_order_date", op: "between", value: ["-1y", "-12w"] },
      ],
    });
  });

  it("keeps parenthesised groups as written so formatting round-trips", () => {
    const ast = parsed("(orders_count > 1 and total_spent > 2) and last_seen is set");
    expect(ast).toEqual({
      and: [{ and: [{ attr: "orders_count", op: ">", value: 1 }, { attr: "total_spent", op: ">", value: 2 }] }, { attr: "last_seen", op: "is set" }],
    });
    expect(formatSegment(ast)).toBe("(orders_count > 1 and total_spent > 2) and last_seen is set");
  });
});
