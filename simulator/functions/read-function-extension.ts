import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";

/** A Function extension as `shopify app deploy` would register it: handle, target, input query, configuration metafield. */
export type DeployedFunction = {
  handle: string;
  target: string;
  /** The JavaScript export to call (the toml's kebab-case `export`, camel-cased as Shopify CLI does). */
  exportName: string;
  inputQuery: string;
  /** The owner's metafield whose JSON becomes the input query's variables. */
  variables: { namespace: string; key: string } | null;
  /** The ES module Shopify CLI hands Javy; Javy's Wasm cannot be built here (docs/discounts.md). */
  bundlePath: string;
};

type ExtensionToml = {
  extensions: {
    handle: string;
    type: string;
    targeting: { target: string; input_query: string; export: string }[];
    input?: { variables?: { namespace: string; key: string } };
  }[];
};

const camelize = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** Reads a Function extension folder (shopify.extension.toml, its input query, dist/function.js once built). */
export function readFunctionExtension(dir: string): DeployedFunction[] {
  const toml = parse(readFileSync(join(dir, "shopify.extension.toml"), "utf8")) as ExtensionToml;
  return toml.extensions
    .filter((extension) => extension.type === "function")
    .flatMap((extension) =>
      extension.targeting.map((targeting) => ({
        handle: extension.handle,
        target: targeting.target,
        exportName: camelize(targeting.export),
        inputQuery: readFileSync(join(dir, targeting.input_query), "utf8"),
        variables: extension.input?.variables ?? null,
        bundlePath: join(dir, "dist/function.js"),
      })),
    );
}
