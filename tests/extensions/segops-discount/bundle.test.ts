import { describe, expect, it } from "vitest";
import { buildDiscountFunction, DISCOUNT_BUNDLE_BUDGET_BYTES, entryContents } from "../../../scripts/build-discount-function.ts";
import { loadFunctionBundle } from "../../../simulator/functions/load-function-bundle.ts";
import { discountFixtures } from "./discount-fixtures.ts";

const built = await buildDiscountFunction({ write: false });
const loaded = loadFunctionBundle(built.code);

describe("the discount Function's bundle (what Shopify CLI hands Javy)", () => {
  it("exports the target the toml declares, camel-cased as the CLI does", () => {
    expect(built.exports).toEqual(["cartLinesDiscountsGenerateRun"]);
    expect(built.code).toMatch(/export\s*\{[^}]*cartLinesDiscountsGenerateRun/);
  });

  it(`stays under ${DISCOUNT_BUNDLE_BUDGET_BYTES} bytes`, () => {
    expect(built.bytes).toBeGreaterThan(1_000);
    expect(built.bytes).toBeLessThan(DISCOUNT_BUNDLE_BUDGET_BYTES);
  });

  it("reads its input and writes its output through the ShopifyFunction global, nothing else", () => {
    expect(entryContents(["cartLinesDiscountsGenerateRun"])).toContain("ShopifyFunction.writeOutput(run_cartLinesDiscountsGenerateRun(ShopifyFunction.readInput()))");
    expect(built.code).not.toMatch(/\b(Date|Math\.random|fetch|process)\b/);
  });

  it.each(discountFixtures().map((fixture) => [fixture.name, fixture]))("gives the source's answer on %s", (_, fixture) => {
    expect(JSON.parse(loaded.run("cartLinesDiscountsGenerateRun", JSON.stringify(fixture.input)))).toEqual(fixture.output);
  });
});
