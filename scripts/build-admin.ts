import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Bundles the Preact admin into admin/dist (served by the worker as static assets). */
export async function buildAdmin(): Promise<void> {
  await mkdir(`${ROOT}admin/dist/assets`, { recursive: true });
  await build({
    entryPoints: [`${ROOT}admin/src/main.tsx`],
    outfile: `${ROOT}admin/dist/assets/admin.js`,
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    jsxImportSource: "preact",
    sourcemap: false,
    logLevel: "warning",
  });
  await copyFile(`${ROOT}admin/src/index.html`, `${ROOT}admin/dist/index.html`);
  await copyFile(`${ROOT}admin/src/admin.css`, `${ROOT}admin/dist/assets/admin.css`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAdmin();
