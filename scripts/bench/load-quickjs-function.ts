import variant from "@jitl/quickjs-wasmfile-release-sync";
import { transformSync } from "esbuild";
import { newQuickJSWASMModuleFromVariant } from "quickjs-emscripten-core";

export type QuickJsFunction = {
  /** Runs one export on the input as JSON text; answers the output as JSON text and the interpreter's polls. */
  run(exportName: string, inputJson: string): { output: string; polls: number };
  dispose(): void;
};

/** Shopify's linear-memory and stack limits for a Function run (shopify-reference.md §8.4). */
const MEMORY_LIMIT_BYTES = 10_000 * 1024;
const STACK_LIMIT_BYTES = 512 * 1024;

const IO_SHIM = `globalThis.ShopifyFunction = {
  readInput() { return JSON.parse(globalThis.__input); },
  writeOutput(value) { globalThis.__output = JSON.stringify(value); },
};`;

/**
 * Loads the bundle Shopify CLI hands Javy into QuickJS compiled to Wasm: the engine Javy embeds, so its cost
 * profile (an interpreter, not a JIT) is the one Shopify meters. QuickJS calls the interrupt handler about once
 * every 10,000 function calls and backward jumps: the count of those polls is a deterministic measure of work.
 */
export async function loadQuickJsFunction(moduleCode: string): Promise<QuickJsFunction> {
  const quickjs = await newQuickJSWASMModuleFromVariant(variant);
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(MEMORY_LIMIT_BYTES);
  runtime.setMaxStackSize(STACK_LIMIT_BYTES);
  let polls = 0;
  runtime.setInterruptHandler(() => {
    polls++;
    return false;
  });
  const vm = runtime.newContext();
  const script = `${IO_SHIM}\n${transformSync(moduleCode, { format: "iife", globalName: "__function" }).code}`;
  vm.unwrapResult(vm.evalCode(script, "function.js")).dispose();
  return {
    run(exportName, inputJson) {
      const input = vm.newString(inputJson);
      vm.setProp(vm.global, "__input", input);
      input.dispose();
      polls = 0;
      const output = vm.unwrapResult(vm.evalCode(`__function.${exportName}(); globalThis.__output`));
      const text = vm.getString(output);
      output.dispose();
      return { output: text, polls };
    },
    dispose() {
      vm.dispose();
      runtime.dispose();
    },
  };
}
