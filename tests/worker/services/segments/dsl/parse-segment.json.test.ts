import { describe, expect, it } from "vitest";
import { formatSegment, parseSegment, type SegmentKind, type SegmentNode } from "../../../../../worker/services/segments/dsl/index.ts";
import { createRandom, generateSegment } from "./generate-segment.ts";

describe("parseSegment: JSON form", () => {
  it("accepts the documented JSON shape and returns it unchanged", () => {
    const json = {
      and: [
        { attr: "country", op: "in", value: ["US", "CA"] },
        { event: "purchase", window: "30d", op: ">=", value: 1 },
        { or: [{ attr: "last_seen", op: ">=", value: "-30d" }, { not: { attr: "email", op: "is set" } }] },
      ],
    };
    expect(parseSegment(json, "customer")).toEqual({ ok: true, value: json });
  });

  it("canonicalises values and aliases the same way as the text form", () => {
    const json = { and: [{ attr: "AI_SCORE", op: "<", value: 50 }, { attr: "status", op: "=", value: "Active" }] };
    expect(parseSegment(json, "product")).toEqual({
      ok: true,
      value: { and: [{ attr: "ai_readability_score", op: "<", value: 50 }, { attr: "status", op: "=", value: "active" }] },
    });
    expect(parseSegment({ event: "Purchase", window: "07D", op: ">=", value: 1 }, "customer")).toEqual({
      ok: true,
      value: { event: "purchase", window: "7d", op: ">=", value: 1 },
    });
  });

  it("normalises -0 so the text form reads back the same number", () => {
    expect(parseSegment({ attr: "inventory", op: "=", value: -0 }, "product")).toEqual({ ok: true, value: { attr: "inventory", op: "=", value: 0 } });
    const event = parseSegment({ event: "refund", window: "1h", op: "=", value: -0 }, "customer");
    expect(event.ok && "event" in event.value && Object.is(event.value.value, 0)).toBe(true);
  });

  it("collapses a group with a single child", () => {
    expect(parseSegment({ or: [{ and: [{ attr: "orders_count", op: ">", value: 1 }] }] }, "customer")).toEqual({
      ok: true,
      value: { attr: "orders_count", op: ">", value: 1 },
    });
  });

  it.each<[string, unknown, SegmentKind, { path: string; message: string | RegExp }]>([
    ["a non-object", ["country"], "customer", { path: "$", message: "a segment node must be an object" }],
    ["an unknown node", { foo: 1 }, "customer", { path: "$", message: "unknown segment node" }],
    ["an empty group", { or: [] }, "customer", { path: "$.or", message: /expected array to have >=1 items/ }],
    ["an extra key", { attr: "country", op: "=", value: "US", extra: 1 }, "customer", { path: "$", message: /extra/ }],
    ["an unknown operator", { and: [{ attr: "country", op: "like", value: "US" }] }, "customer", { path: "$.and[0].op", message: /Invalid/ }],
    ["a scalar where a list is needed", { attr: "country", op: "in", value: "US" }, "customer", { path: "$.value", message: /expected array/ }],
    ["a between without two values", { attr: "price", op: "between", value: [1] }, "product", { path: "$.value", message: /./ }],
    ["a missing value", { attr: "price", op: ">" }, "product", { path: "$.value", message: /./ }],
    ["a value on is set", { attr: "price", op: "is set", value: 1 }, "product", { path: "$", message: /value/ }],
    [
      "a type mismatch deep inside",
      { and: [{ attr: "country", op: "=", value: "US" }, { not: { attr: "orders_count", op: ">=", value: "x" } }] },
      "customer",
      { path: "$.and[1].not.value", message: "orders_count is a number" },
    ],
    ["an unknown attribute", { attr: "total_spnt", op: ">", value: 1 }, "customer", { path: "$.attr", message: "unknown attribute `total_spnt`" }],
    ["an operator not allowed", { attr: "tags", op: "=", value: "x" }, "customer", { path: "$.op", message: "`=` is not allowed for tags" }],
    ["a window too large", { event: "purchase", window: "401d", op: ">=", value: 1 }, "customer", { path: "$.window", message: /longer than 400 days/ }],
    ["an unknown event", { event: "purchased", window: "30d", op: ">=", value: 1 }, "customer", { path: "$.event", message: "unknown event `purchased`" }],
    [
      "a list of 51 values",
      { attr: "email_subscription", op: "in", value: Array.from({ length: 51 }, () => "pending") },
      "customer",
      { path: "$.value[50]", message: "a list holds at most 50 values" },
    ],
    ["a line break in a string", { attr: "tags", op: "contains", value: "a\nb" }, "customer", { path: "$.value", message: /line breaks/ }],
    ["a number too large to print", { attr: "total_spent", op: ">", value: 1e21 }, "customer", { path: "$.value", message: /too large/ }],
  ])("rejects %s with the path of the offending part", (_name, json, kind, expected) => {
    const result = parseSegment(json, kind);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ path: expected.path });
    expect(result.error.message).toMatch(expected.message);
    expect(result.error.hint).toBeTruthy();
  });

  it("accepts 32 levels of nesting, which still print and read back as text, and rejects 33", () => {
    const nest = (levels: number): SegmentNode => {
      let node: SegmentNode = { attr: "orders_count", op: ">", value: 1 };
      for (let i = 1; i < levels; i++) node = i % 2 ? { not: node } : { and: [node, { attr: "total_spent", op: "<", value: 5 }] };
      return node;
    };
    const deepest = nest(32);
    expect(parseSegment(deepest, "customer")).toEqual({ ok: true, value: deepest });
    expect(parseSegment(formatSegment(deepest), "customer")).toEqual({ ok: true, value: deepest });
    const result = parseSegment(nest(33), "customer");
    expect(result).toMatchObject({ ok: false, error: { message: "segments nest at most 32 levels" } });
  });
});

describe("formatSegment round-trip", () => {
  it.each<[string, SegmentKind]>([
    ['country in ("US","CA") and total_spent >= 200 and orders_count >= 2 and purchase.count(30d) >= 1', "customer"],
    ['tags contains "vip" and not (email_subscription = "unsubscribed")', "customer"],
    ['(country = "US" or country = "CA") and tags not contains "wholesale"', "customer"],
    ["last_order_date < -90d and orders_count >= 1 or last_seen is not set", "customer"],
    ['vendor = "Acme" and price between 10 and 50', "product"],
    ['not not (title contains "a\\"b\\\\c") or inventory <= -2', "product"],
  ])("parse(format(parse(%s))) is the same AST", (text, kind) => {
    const first = parseSegment(text, kind);
    if (!first.ok) throw new Error(first.error.message);
    expect(parseSegment(formatSegment(first.value), kind)).toEqual(first);
  });

  it("prints canonical text", () => {
    const ast = parseSegment('COUNTRY IN ("us","ca") AND (purchase.count(30D) >= 1 OR last_seen >= TODAY) AND NOT email IS SET', "customer");
    if (!ast.ok) throw new Error(ast.error.message);
    expect(formatSegment(ast.value)).toBe('country in ("US", "CA") and (purchase.count(30d) >= 1 or last_seen >= today) and not (email is set)');
  });

  it.each<[SegmentKind, number]>([
    ["customer", 1],
    ["customer", 2],
    ["product", 3],
    ["product", 4],
  ])("holds for 250 generated %s segments (seed %i), through text and through JSON", (kind, seed) => {
    const random = createRandom(seed);
    for (let i = 0; i < 250; i++) {
      const ast = generateSegment(random, kind, 3);
      const text = formatSegment(ast);
      expect(parseSegment(ast, kind), text).toEqual({ ok: true, value: ast });
      expect(parseSegment(text, kind), text).toEqual({ ok: true, value: ast });
      expect(parseSegment(JSON.parse(JSON.stringify(ast)), kind), text).toEqual({ ok: true, value: ast });
    }
  });
});
