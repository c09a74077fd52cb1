import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunInput, RunResult } from "../../../extensions/segops-discount/src/function-types.ts";

export const FIXTURES_DIR = join(import.meta.dirname, "../../fixtures/discount-function");

export type DiscountFixture = { name: string; description: string; input: RunInput; output: RunResult };

/** The Function's input fixtures (tests/fixtures/discount-function), each with the output it must give. */
export function discountFixtures(): DiscountFixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ""), ...(JSON.parse(readFileSync(join(FIXTURES_DIR, file), "utf8")) as Omit<DiscountFixture, "name">) }));
}

export const INPUT_QUERY_FILE = join(import.meta.dirname, "../../../extensions/segops-discount/src/cart_lines_discounts_generate_run.graphql");
