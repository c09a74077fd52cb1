import { build } from "esbuild";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUTFILE = `${ROOT}extensions/web-pixel/dist/pixel.js`;
export const PIXEL_GZIP_BUDGET_BYTES = 3_072;

export type BuildPixelOptions = {
  /** esbuild aliases; tests point `@shopify/web-pixels-extension` at a stand-in host. */
  alias?: Record<string, string>;
  /** Write extensions/web-pixel/dist/pixel.js (default true). */
  write?: boolean;
};
export type BuiltPixel = { code: string; gzipBytes: number };

/** Bundles the web pixel extension (minified IIFE, as the strict sandbox loads it) and measures it gzipped. */
export async function buildPixel({ alias, write = true }: BuildPixelOptions = {}): Promise<BuiltPixel> {
  const result = await build({
    entryPoints: [`${ROOT}extensions/web-pixel/src/index.ts`],
    outfile: OUTFILE,
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    alias,
    write: false,
    logLevel: "warning",
  });
  const code = result.outputFiles[0]!.text;
  if (write) {
    await mkdir(dirname(OUTFILE), { recursive: true });
    await writeFile(OUTFILE, code);
  }
  return { code, gzipBytes: gzipSync(code).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { code, gzipBytes } = await buildPixel();
  console.log(`extensions/web-pixel/dist/pixel.js: ${code.length} B, ${gzipBytes} B gzip (budget ${PIXEL_GZIP_BUDGET_BYTES} B)`);
  if (gzipBytes > PIXEL_GZIP_BUDGET_BYTES) process.exitCode = 1;
}
