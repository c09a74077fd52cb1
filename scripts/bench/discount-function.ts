import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DiscountRuleConfig, FunctionConfiguration } from "../../extensions/segops-discount/src/configuration.ts";
import { loadFunctionBundle } from "../../simulator/functions/load-function-bundle.ts";
import { MAX_COLLECTIONS_PER_DISCOUNT } from "../../worker/services/discounts/group-discount-rules.ts";
import { buildDiscountFunction, DISCOUNT_FUNCTION_DIR } from "../build-discount-function.ts";
import { loadQuickJsFunction } from "./load-quickjs-function.ts";

const LINES = 200;
const ROUNDS = 11;
/** Shopify's limits for a Function run (shopify-reference.md §8.4). */
const INPUT_LIMIT_BYTES = 128_000;
const CONFIGURATION_LIMIT_BYTES = 10_000;
// As many collections as one discount may target: each adds an `inCollections` entry to every line of the input.
const COLLECTIONS = Array.from({ length: MAX_COLLECTIONS_PER_DISCOUNT }, (_, i) => String(450_000_000_001 + i));

export type DiscountBenchRow = {
  label: string;
  engine: string;
  /** The I/O floor on this row's input rather than the Function. */
  floor: boolean;
  rules: number;
  inputBytes: number;
  configurationBytes: number;
  microsPerRun: number[];
  polls: number | null;
  operations: number;
};

const productId = (line: number) => String(7_000_000_000_000 + line);
const variantId = (line: number) => String(8_000_000_000_000 + line);

/**
 * The worst case for one discount's 25 rules: the buyer holds every rule's tag, so every rule is evaluated over
 * every line; targets mix whole-order, product, variant and collection rules, with minimums, as merchants save them.
 */
function rules(count: number): DiscountRuleConfig[] {
  return Array.from({ length: count }, (_, n) => {
    const on = (["order", "products", "variants", "collections"] as const)[n % 4]!;
    const lines = Array.from({ length: 20 }, (_, i) => (n * 7 + i * 9) % LINES);
    const ids = on === "order" ? [] : on === "collections" ? [COLLECTIONS[Math.floor(n / 4) % COLLECTIONS.length]!] : lines.map(on === "products" ? productId : variantId);
    return {
      id: `dsc_0sx6${String(n).padStart(15, "0")}`,
      tags: [`segops:segment-number-${n}`],
      message: `Segment ${n}: thank you for shopping with us`,
      ...(n % 3 === 0 ? { a: String(5 + n) } : { p: String(5 + (n % 20)) }),
      on,
      ids,
      ...(n % 5 === 0 ? { min: "50" } : {}),
    };
  });
}

function configuration(count: number): FunctionConfiguration {
  const ruleList = rules(count);
  const collectionIds = [...new Set(ruleList.filter((rule) => rule.on === "collections").flatMap((rule) => rule.ids))].map((id) => `gid://shopify/Collection/${id}`);
  return { tags: ruleList.map((rule) => rule.tags[0]!), collectionIds, rules: ruleList };
}

/** What the input query selects for a 200-line cart of a buyer holding every tag the configuration names. */
function input(config: FunctionConfiguration) {
  return {
    discount: { discountClasses: ["ORDER", "PRODUCT"], metafield: { jsonValue: config } },
    presentmentCurrencyRate: "1.0",
    cart: {
      buyerIdentity: { customer: { hasTags: config.tags.map((tag) => ({ tag, hasTag: true })) } },
      lines: Array.from({ length: LINES }, (_, line) => ({
        id: `gid://shopify/CartLine/${line + 1}`,
        cost: { subtotalAmount: { amount: ((1 + (line % 3)) * (9.5 + (line % 40))).toFixed(2) } },
        merchandise: {
          __typename: "ProductVariant",
          id: `gid://shopify/ProductVariant/${variantId(line)}`,
          product: {
            id: `gid://shopify/Product/${productId(line)}`,
            isGiftCard: line % 50 === 49,
            inCollections: config.collectionIds.map((collectionId, c) => ({ collectionId, isMember: line % (c + 2) === 0 })),
          },
        },
      })),
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const EXPORT = "cartLinesDiscountsGenerateRun";

type Engine = { name: string; runs: number; run: (json: string) => { output: string; polls: number | null }; floor: (json: string) => { output: string; polls: number | null } };

/** What every JavaScript Function pays before its own logic: Javy's JSON in, an empty answer out. */
const IO_FLOOR = `export function ${"cartLinesDiscountsGenerateRun"}() { ShopifyFunction.readInput(); ShopifyFunction.writeOutput({ operations: [] }); }`;

/**
 * Runs the Function's bundle over a 200-line cart with 25 rules and with 1, alternating both in every round, in
 * QuickJS compiled to Wasm (the engine Javy embeds) and in the V8 context the simulator uses.
 */
export async function benchDiscountFunction(): Promise<DiscountBenchRow[]> {
  const { code } = await buildDiscountFunction({ write: false });
  const [v8, v8Floor] = [loadFunctionBundle(code), loadFunctionBundle(IO_FLOOR)];
  const [quickjs, quickjsFloor] = [await loadQuickJsFunction(code), await loadQuickJsFunction(IO_FLOOR)];
  const engines: Engine[] = [
    { name: "QuickJS in Wasm (Javy's engine)", runs: 20, run: (json) => quickjs.run(EXPORT, json), floor: (json) => quickjsFloor.run(EXPORT, json) },
    {
      name: "V8 (the simulator's checkout)",
      runs: 300,
      run: (json) => ({ output: v8.run(EXPORT, json), polls: null }),
      floor: (json) => ({ output: v8Floor.run(EXPORT, json), polls: null }),
    },
  ];
  const rows: DiscountBenchRow[] = [];
  for (const engine of engines) {
    const cases = [1, 25].flatMap((count) => {
      const config = configuration(count);
      const json = JSON.stringify(input(config));
      // For `shopify app function run`, which counts Wasm instructions where the CLI and Javy can run.
      if (engine === engines[0]) writeFileSync(`${DISCOUNT_FUNCTION_DIR}/dist/bench-input-${count}-rules.json`, json);
      return [true, false].map((floor) => {
        const run = floor ? engine.floor : engine.run;
        const first = run(json);
        return { count, floor, run, config, json, expected: first.output, polls: first.polls, micros: [] as number[] };
      });
    });
    for (let warm = 0; warm < engine.runs; warm++) for (const c of cases) c.run(c.json);
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of cases) {
        const start = process.hrtime.bigint();
        for (let run = 0; run < engine.runs; run++) {
          if (c.run(c.json).output !== c.expected) throw new Error(`${engine.name}, ${c.count} rules: a run answered differently`);
        }
        c.micros.push(Number(process.hrtime.bigint() - start) / 1_000 / engine.runs);
      }
    }
    for (const c of cases) {
      rows.push({
        label: `${LINES}-line cart, ${c.count} rule${c.count === 1 ? "" : "s"}${c.count > 1 ? ", buyer in every segment" : ""}${c.floor ? ": I/O floor (read input, answer nothing)" : ""}`,
        floor: c.floor,
        engine: engine.name,
        rules: c.count,
        inputBytes: Buffer.byteLength(c.json),
        configurationBytes: Buffer.byteLength(JSON.stringify(c.config)),
        microsPerRun: c.micros,
        polls: c.polls,
        operations: (JSON.parse(c.expected) as { operations: unknown[] }).operations.length,
      });
    }
  }
  quickjs.dispose();
  quickjsFloor.dispose();
  return rows;
}

/** Prints the table (docs/discounts.md); true when an input or configuration passes Shopify's limits. */
export function printDiscountTable(rows: DiscountBenchRow[]): boolean {
  console.log(`\ndiscount Function bundle (${ROUNDS} rounds, medians; JSON in and out included; QuickJS polls: ~1 per 10,000 calls and loop iterations)`);
  console.log("| engine | workload | time per run | against the Function with 1 rule | QuickJS polls | input bytes (limit 128,000) | configuration bytes (limit 10,000) | operations |");
  console.log("|---|---|---|---|---|---|---|---|");
  let failed = false;
  for (const row of rows) {
    const one = median(rows.find((other) => other.engine === row.engine && other.rules === 1 && !other.floor)!.microsPerRun);
    const micros = median(row.microsPerRun);
    failed ||= row.inputBytes > INPUT_LIMIT_BYTES || row.configurationBytes > CONFIGURATION_LIMIT_BYTES || row.operations !== (row.floor ? 0 : 1);
    console.log(
      `| ${row.engine} | ${row.label} | ${micros.toLocaleString("en", { maximumFractionDigits: 0 })} µs | ${(micros / one).toFixed(2)}× | ${row.polls ?? "—"} | ${row.inputBytes.toLocaleString("en")} | ${row.configurationBytes.toLocaleString("en")} | ${row.operations} |`,
    );
  }
  console.log(
    "Wasm instructions, where Shopify CLI runs: shopify app function run --path extensions/segops-discount --export cart-lines-discounts-generate-run --json --input extensions/segops-discount/dist/bench-input-25-rules.json",
  );
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(printDiscountTable(await benchDiscountFunction()) ? 1 : 0);
