import { transformSync } from "esbuild";
import { createContext, Script } from "node:vm";

export type LoadedFunction = {
  /** Runs one export on the input as JSON text and answers the output as JSON text, as Javy's I/O does. */
  run(exportName: string, inputJson: string): string;
};

// Defined inside the sandbox so input and output are parsed and serialised by the Function's own realm.
const IO_SHIM = `globalThis.ShopifyFunction = {
  readInput() { return JSON.parse(__io.input); },
  writeOutput(value) { __io.output = JSON.stringify(value); },
};`;

/**
 * Loads the ES module Shopify CLI hands Javy (scripts/build-discount-function.ts) into a V8 context holding only
 * JavaScript's built-ins and the `ShopifyFunction` global, as Shopify's Javy plugin provides: no `process`,
 * `fetch` or module loader, so a Function that reaches for them fails here as it would in Wasm.
 */
export function loadFunctionBundle(moduleCode: string): LoadedFunction {
  const script = new Script(`${IO_SHIM}\n${transformSync(moduleCode, { format: "iife", globalName: "__function" }).code}`);
  const io: { input: string; output: string | null } = { input: "", output: null };
  const context = createContext({ __io: io });
  script.runInContext(context);
  const exports = (context as { __function?: Record<string, unknown> }).__function ?? {};
  return {
    run(exportName, inputJson) {
      const run = exports[exportName];
      if (typeof run !== "function") throw new Error(`the Function exports no ${exportName} (it exports ${Object.keys(exports).join(", ") || "nothing"})`);
      io.input = inputJson;
      io.output = null;
      run();
      if (io.output === null) throw new Error(`${exportName} wrote no output`);
      return io.output;
    },
  };
}
