import { describe, expect, it } from "vitest";
import { parseSegment, type SegmentKind } from "../../../../../worker/services/segments/dsl/index.ts";

type Expected = { message: string | RegExp; line: number; column: number; hint: string | RegExp };

function failure(text: string, kind: SegmentKind) {
  const result = parseSegment(text, kind);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
}

describe("parseSegment: errors in text point at the offending token", () => {
  it.each<[string, string, SegmentKind, Expected]>([
    ["unknown attribute", "total_spnt >= 200", "customer", { message: "unknown attribute `total_spnt`", line: 1, column: 1, hint: "did you mean `total_spent`?" }],
    [
      "unknown attribute with nothing close",
      "zzz = 1",
      "product",
      { message: "unknown attribute `zzz`", line: 1, column: 1, hint: /^product attributes: ai_readability_score, tags, type/ },
    ],
    ["type mismatch", 'orders_count >= "two"', "customer", { message: "orders_count is a number", line: 1, column: 17, hint: /orders_count >= 2/ }],
    ["fraction for an integer", "orders_count >= 2.5", "customer", { message: "orders_count is a whole number", line: 1, column: 17, hint: /orders_count/ }],
    ["number for text", "vendor = 3", "product", { message: "vendor is text", line: 1, column: 10, hint: 'quote the value: vendor = "text"' }],
    [
      "operator not allowed",
      'country contains "U"',
      "customer",
      { message: "`contains` is not allowed for country", line: 1, column: 9, hint: "country takes =, !=, in, not in, is set, is not set" },
    ],
    ["operator not allowed on tags", 'tags = "vip"', "customer", { message: "`=` is not allowed for tags", line: 1, column: 6, hint: "tags takes contains, not contains" }],
    ["unterminated string", 'country = "US\nand orders_count > 1', "customer", { message: "unterminated string", line: 1, column: 11, hint: /close the string/ }],
    ["unknown escape", 'email = "a\\nb"', "customer", { message: "unknown escape `\\n`", line: 1, column: 11, hint: /only \\" and \\\\/ }],
    ["single quotes", "country = 'US'", "customer", { message: "strings use double quotes", line: 1, column: 11, hint: /"text"/ }],
    ["unexpected token", "orders_count >= 2 orders_count", "customer", { message: "unexpected `orders_count`", line: 1, column: 19, hint: /`and`, `or`/ }],
    ["missing operator", "country US", "customer", { message: "unexpected `US`", line: 1, column: 9, hint: /expected an operator after `country`/ }],
    ["double equals", "orders_count == 2", "customer", { message: "unexpected `==`", line: 1, column: 14, hint: "equality is a single `=`" }],
    ["stray character", "orders_count >= 2 & total_spent > 1", "customer", { message: "unexpected character `&`", line: 1, column: 19, hint: /operators are/ }],
    ["unexpected end of input", 'country = "US" and', "customer", { message: "unexpected end of input", line: 1, column: 19, hint: /expected a rule/ }],
    ["empty input", "  # only a comment\n", "customer", { message: "unexpected end of input", line: 2, column: 1, hint: /expected a rule/ }],
    ["unclosed parenthesis", '(country = "US"', "customer", { message: "unexpected end of input", line: 1, column: 16, hint: "expected `)` to close the `(` at line 1, column 1" }],
    ["unopened parenthesis", 'country = "US")', "customer", { message: "unexpected `)`", line: 1, column: 15, hint: "no `(` is open here" }],
    ["missing value", "total_spent >=", "customer", { message: "unexpected end of input", line: 1, column: 15, hint: /expected a value/ }],
    [
      "product attribute in a customer segment",
      "orders_count >= 1 and\n  price > 10",
      "customer",
      { message: "`price` is a product attribute, not available in customer segments", line: 2, column: 3, hint: /^customer attributes: country, tags/ },
    ],
    [
      "customer attribute in a product segment",
      'country = "US"',
      "product",
      { message: "`country` is a customer attribute, not available in product segments", line: 1, column: 1, hint: /^product attributes/ },
    ],
    ["event in a product segment", "purchase.count(7d) >= 1", "product", { message: "event counts are only available in customer segments", line: 1, column: 1, hint: /product attributes/ }],
    ["bad date", "first_order_date >= 2026-02-30", "customer", { message: "`2026-02-30` is not a date", line: 1, column: 21, hint: /YYYY-MM-DD/ }],
    ["future offset", "last_seen >= 30d", "customer", { message: "`30d` is not a date", line: 1, column: 14, hint: "offsets count back: write -30d" }],
    ["number for a date", "last_seen >= 30", "customer", { message: "last_seen is a date", line: 1, column: 14, hint: /-90d/ }],
    ["offset too far back", "last_seen >= -200y", "customer", { message: "date offset `-200y` is too far back", line: 1, column: 14, hint: /-1y/ }],
    ["window too large", "purchase.count(500d) >= 1", "customer", { message: "window `500d` is longer than 400 days", line: 1, column: 16, hint: /at most 400d/ }],
    ["window in weeks too large", "purchase.count(58w) >= 1", "customer", { message: "window `58w` is longer than 400 days", line: 1, column: 16, hint: /at most 400d/ }],
    ["window without a unit", "purchase.count(30) >= 1", "customer", { message: "unexpected `30`", line: 1, column: 16, hint: /30d, 12h or 8w/ }],
    ["window that is a date", "purchase.count(-30d) >= 1", "customer", { message: "unexpected `-30d`", line: 1, column: 16, hint: /30d, 12h or 8w/ }],
    ["window that is another word", "purchase.count(ever) >= 1", "customer", { message: "unexpected `ever`", line: 1, column: 16, hint: /or `all`/ }],
    ["unknown event", "purchse.count(30d) >= 1", "customer", { message: "unknown event `purchse`", line: 1, column: 1, hint: "did you mean `purchase`?" }],
    ["unknown event function", "purchase.sum(30d) >= 1", "customer", { message: "unexpected `sum`", line: 1, column: 10, hint: /\.count\(window\)/ }],
    ["event count not whole", "purchase.count(30d) >= 1.5", "customer", { message: "an event count is a whole number, 0 or more", line: 1, column: 24, hint: /purchase.count\(30d\) >= 1/ }],
    ["event used as attribute", "purchase >= 1", "customer", { message: "`purchase` is an event", line: 1, column: 1, hint: "count it in a window: purchase.count(30d) >= 1" }],
    ["enum typo", 'email_subscription = "subscrbed"', "customer", { message: "unknown email_subscription `subscrbed`", line: 1, column: 22, hint: "did you mean `subscribed`?" }],
    ["country not ISO-2", 'country = "USA"', "customer", { message: "country is a two-letter ISO code", line: 1, column: 11, hint: /country in/ }],
    ["score out of range", "ai_score < 150", "product", { message: "ai_readability_score is between 0 and 100", line: 1, column: 12, hint: /0 to 100/ }],
    ["between bounds inverted", "price between 50 and 10", "product", { message: "between needs the lower bound first", line: 1, column: 22, hint: "write between 10 and 50" }],
    ["empty string", 'vendor = ""', "product", { message: "empty string", line: 1, column: 10, hint: "to match a missing value write `vendor is not set`" }],
    ["not followed by =", 'country not = "US"', "customer", { message: "unexpected `=`", line: 1, column: 13, hint: "expected `in` or `contains` after `not`" }],
    ["is without set", "email is null", "customer", { message: "unexpected `null`", line: 1, column: 10, hint: "write `is set` or `is not set`" }],
    [
      "a rule on SegOps' own tags",
      'orders_count >= 1 and tags not contains "SegOps:vip"',
      "customer",
      { message: "`segops:` tags are written by SegOps itself", line: 1, column: 41, hint: /other segment's rules/ },
    ],
  ])("reports %s", (_name, text, kind, expected) => {
    const error = failure(text, kind);
    expect(error).toMatchObject({ line: expected.line, column: expected.column });
    expect(error.message).toMatch(typeof expected.message === "string" ? new RegExp(`^${escapeRegex(expected.message)}$`) : expected.message);
    expect(error.hint).toMatch(typeof expected.hint === "string" ? new RegExp(`^${escapeRegex(expected.hint)}$`) : expected.hint);
  });

  it("counts lines and columns across comments and blank lines", () => {
    const text = '# VIPs\n\ncountry in ("US", "CA")\n  and   tags contains vip\n';
    expect(failure(text, "customer")).toMatchObject({ message: "unexpected `vip`", line: 4, column: 23 });
  });

  it("rejects an in list of more than 50 values at the 51st value", () => {
    const codes = Array.from({ length: 51 }, (_, i) => `"${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}"`);
    const text = `country in (${codes.join(",")})`;
    const error = failure(text, "customer");
    expect(error).toMatchObject({ message: "a list holds at most 50 values", line: 1, column: text.lastIndexOf('"BY"') + 1 });
  });

  it("rejects nesting deeper than the limit instead of overflowing the stack", () => {
    const text = `${"not ".repeat(70)}orders_count > 1`;
    expect(failure(text, "customer")).toMatchObject({ message: "unexpected `not`", line: 1, column: 64 * 4 + 1, hint: /nest at most 64 levels/ });
    expect(failure(`${"(".repeat(5000)}orders_count > 1${")".repeat(5000)}`, "customer").hint).toMatch(/nest at most/);
  });
});

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
