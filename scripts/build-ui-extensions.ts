import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parse as parseToml } from "smol-toml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The checkout and customer account UI extensions, each built from its toml's `module`. */
export const UI_EXTENSIONS = ["segops-thank-you", "segops-order-status"] as const;
export type UiExtension = (typeof UI_EXTENSIONS)[number];
/** Shopify's limit for a UI extension's script on API 2025-10 and later, compressed. */
export const UI_EXTENSION_BUDGET_BYTES = 64 * 1024;

export const uiExtensionBundle = (handle: UiExtension): string => `${ROOT}extensions/${handle}/dist/extension.js`;

/** The worker's origin, which the extensions call (extensions/ui-shared/src/app-origin.ts): shopify.app.toml's `application_url` without its path. */
export function appOrigin(): string {
  const config = parseToml(readFileSync(`${ROOT}shopify.app.toml`, "utf8")) as { application_url: string };
  return new URL(config.application_url).origin;
}

function moduleOf(handle: UiExtension): string {
  const toml = parseToml(readFileSync(`${ROOT}extensions/${handle}/shopify.extension.toml`, "utf8")) as { extensions: { targeting: { module: string }[] }[] };
  return `${ROOT}extensions/${handle}/${toml.extensions[0]!.targeting[0]!.module}`;
}

export type BuiltUiExtension = { handle: UiExtension; code: string; bytes: number; gzipBytes: number };

/** Bundles one extension as Shopify CLI does for deploy: esbuild, ES module, minified, Preact's JSX, no legal comments. */
export async function buildUiExtension(handle: UiExtension, { write = true }: { write?: boolean } = {}): Promise<BuiltUiExtension> {
  const result = await build({
    entryPoints: [moduleOf(handle)],
    bundle: true,
    format: "esm",
    target: "es2020",
    minify: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    logLevel: "warning",
    write: false,
  });
  const code = result.outputFiles[0]!.text;
  if (write) {
    // Test processes may build side by side while another reads the bundle: replace it whole, never half-written.
    const file = uiExtensionBundle(handle);
    await mkdir(`${ROOT}extensions/${handle}/dist`, { recursive: true });
    await writeFile(`${file}.${process.pid}.tmp`, code);
    await rename(`${file}.${process.pid}.tmp`, file);
  }
  return { handle, code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const handle of UI_EXTENSIONS) {
    const built = await buildUiExtension(handle);
    console.log(`extensions/${handle}/dist/extension.js: ${built.bytes} B, ${built.gzipBytes} B gzip (budget ${UI_EXTENSION_BUDGET_BYTES} B compressed)`);
    if (built.gzipBytes > UI_EXTENSION_BUDGET_BYTES) process.exitCode = 1;
  }
}
