import { describe, expect, it } from "vitest";
import { cartLinesDiscountsGenerateRun } from "../../../extensions/segops-discount/src/index.ts";
import type { RunInput } from "../../../extensions/segops-discount/src/function-types.ts";
import { discountFixtures } from "./discount-fixtures.ts";

const fixtures = discountFixtures();
const withConfiguration = (input: RunInput, jsonValue: unknown): RunInput => ({
  ...input,
  discount: { ...input.discount, metafield: jsonValue === undefined ? null : { jsonValue } },
});
const member = fixtures.find((fixture) => fixture.name === "member")!.input;
const several = fixtures.find((fixture) => fixture.name === "several-matching-rules")!;

describe("the discount Function's source, on its input fixtures", () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture]))("%s", (_, fixture) => {
    expect(cartLinesDiscountsGenerateRun(fixture.input)).toEqual(fixture.output);
  });

  it("gives the same answer whatever order the rules are stored in", () => {
    const config = several.input.discount.metafield!.jsonValue as { rules: unknown[] };
    const reversed = withConfiguration(several.input, { ...config, rules: [...config.rules].reverse() });
    expect(cartLinesDiscountsGenerateRun(reversed)).toEqual(several.output);
  });

  it("breaks a tie between equal savings by the smaller rule id", () => {
    const rule = { tags: ["segops:vip"], message: "", p: "10", on: "order", ids: [] };
    const config = { tags: ["segops:vip"], collectionIds: [], rules: [{ ...rule, id: "dr_b", message: "B" }, { ...rule, id: "dr_a", message: "A" }] };
    const result = cartLinesDiscountsGenerateRun(withConfiguration(member, config));
    expect(result.operations).toHaveLength(1);
    expect(JSON.stringify(result)).toContain('"message":"A"');
  });

  it("converts a fixed amount into the cart's currency", () => {
    const config = { tags: ["segops:vip"], collectionIds: [], rules: [{ id: "dr_a", tags: ["segops:vip"], message: "€", a: "10.00", on: "order", ids: [] }] };
    const result = cartLinesDiscountsGenerateRun({ ...withConfiguration(member, config), presentmentCurrencyRate: "0.9234" });
    expect(result.operations[0]).toMatchObject({ orderDiscountsAdd: { candidates: [{ value: { fixedAmount: { amount: "9.23" } } }] } });
  });

  const good = { id: "dr_a", tags: ["segops:vip"], message: "VIP", p: "10", on: "order", ids: [] };
  const malformed: [string, unknown][] = [
    ["no metafield", undefined],
    ["a string", "10% for VIPs"],
    ["a number", 10],
    ["an array", [good]],
    ["rules missing", { tags: ["segops:vip"] }],
    ["a rule without tags", { rules: [{ ...good, tags: [] }] }],
    ["a rule with both a percentage and an amount", { rules: [{ ...good, a: "5" }] }],
    ["a rule with neither", { rules: [{ ...good, p: undefined }] }],
    ["a percentage over 100", { rules: [{ ...good, p: "150" }] }],
    ["a negative amount", { rules: [{ ...good, p: undefined, a: "-5" }] }],
    ["a number where a decimal string belongs", { rules: [{ ...good, p: 10 }] }],
    ["an unknown target", { rules: [{ ...good, on: "shipping" }] }],
    ["a product rule without products", { rules: [{ ...good, on: "products", ids: [] }] }],
    ["a product id that is not a number", { rules: [{ ...good, on: "products", ids: ["gid://shopify/Product/1"] }] }],
    ["a bad minimum", { rules: [{ ...good, min: "lots" }] }],
  ];
  it.each(malformed)("gives no discount, and does not throw, for a configuration that is %s", (_, jsonValue) => {
    expect(cartLinesDiscountsGenerateRun(withConfiguration(member, jsonValue))).toEqual({ operations: [] });
  });

  it("keeps the rules that read when another one does not", () => {
    const config = { tags: ["segops:vip"], collectionIds: [], rules: [{ ...good, p: "150" }, good] };
    expect(cartLinesDiscountsGenerateRun(withConfiguration(member, config)).operations).toHaveLength(1);
  });
});
