import { build } from "esbuild";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { readFunctionExtension, type DeployedFunction } from "../simulator/functions/read-function-extension.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DISCOUNT_FUNCTION_DIR = `${ROOT}extensions/segops-discount`;
export const DISCOUNT_BUNDLE = `${DISCOUNT_FUNCTION_DIR}/dist/function.js`;
/**
 * Javy's dynamically linked module carries the bundle's QuickJS bytecode, so the bundle's size bounds the Wasm's;
 * a quarter of Shopify's 256 kB compiled-module limit leaves room for Javy's own imports and growth.
 */
export const DISCOUNT_BUNDLE_BUDGET_BYTES = 64_000;

/** The target exports the toml declares (`export = "cart-lines-discounts-generate-run"`), camel-cased as the CLI does. */
export const functionExports = (dir = DISCOUNT_FUNCTION_DIR): string[] => readFunctionExtension(dir).map((target) => target.exportName);

/**
 * The module Shopify CLI hands Javy: an ES module whose exports read the input and write the output through the
 * `ShopifyFunction` global that Shopify's Javy plugin provides. The CLI's generated entry calls
 * `@shopify/shopify_function/run`, which does exactly these two calls; they are inlined here so the build needs
 * neither that package (315 dependencies) nor the CLI.
 */
export function entryContents(exportNames: string[]): string {
  return exportNames
    .map((name) => `import { ${name} as run_${name} } from "user-function";\nexport function ${name}() { ShopifyFunction.writeOutput(run_${name}(ShopifyFunction.readInput())); }`)
    .join("\n");
}

export type BuiltDiscountFunction = { code: string; bytes: number; exports: string[] };

/** Bundles src/index.ts as Shopify CLI does before Javy (esbuild, ES module, es2022, no legal comments). */
export async function buildDiscountFunction({ write = true }: { write?: boolean } = {}): Promise<BuiltDiscountFunction> {
  const exports = functionExports();
  const result = await build({
    stdin: { contents: entryContents(exports), loader: "ts", resolveDir: DISCOUNT_FUNCTION_DIR },
    alias: { "user-function": `${DISCOUNT_FUNCTION_DIR}/src/index.ts` },
    outfile: DISCOUNT_BUNDLE,
    bundle: true,
    format: "esm",
    target: "es2022",
    legalComments: "none",
    logLevel: "warning",
    write: false,
  });
  const code = result.outputFiles[0]!.text;
  if (write) {
    // Test processes and `npm start` build it side by side while simulators read it: replace it whole, never half-written.
    const partial = `${DISCOUNT_BUNDLE}.${process.pid}.tmp`;
    await mkdir(dirname(DISCOUNT_BUNDLE), { recursive: true });
    await writeFile(partial, code);
    await rename(partial, DISCOUNT_BUNDLE);
  }
  return { code, bytes: Buffer.byteLength(code), exports };
}

/** Builds the bundle and describes the Function as `shopify app deploy` would register it, for a simulator to run. */
export async function deployedFunctions(): Promise<DeployedFunction[]> {
  await buildDiscountFunction();
  return readFunctionExtension(DISCOUNT_FUNCTION_DIR);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes } = await buildDiscountFunction();
  console.log(`extensions/segops-discount/dist/function.js: ${bytes} B (budget ${DISCOUNT_BUNDLE_BUDGET_BYTES} B); Javy compiles it to Wasm at deploy`);
  if (bytes > DISCOUNT_BUNDLE_BUDGET_BYTES) process.exitCode = 1;
}
