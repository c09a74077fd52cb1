import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const SOURCE_DIRS = ["worker", "queues", "durable-objects", "scripts", "simulator", "admin/src", "extensions", "tests"];
const SKIP_DIRS = new Set(["node_modules", "dist", ".wrangler"]);

// A project path in prose: starts at a top-level folder, not inside a URL, route or longer word.
const PROJECT_PATH = /(?<![\w./@-])(?:worker|queues|durable-objects|scripts|simulator|admin|tests|docs|migrations|extensions)\/[\w./<>*…-]*/g;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : filesUnder(path);
      return /\.(tsx?|toml)$/.test(entry.name) ? [path] : [];
    }),
  );
  return files.flat();
}

/** The comments of a TypeScript file, found by the compiler's own scanner so strings and regexes never count. */
function tsComments(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = new Map<number, string>();
  const keep = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) found.set(range.pos, text.slice(range.pos, range.end));
  };
  const visit = (node: ts.Node) => {
    keep(ts.getLeadingCommentRanges(text, node.getFullStart()));
    keep(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.forEachChild(visit);
  };
  visit(source);
  keep(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return [...found.values()];
}

// TOML comments run from `#` to the end of the line; none of our TOML values contains a `#`.
const tomlComments = (text: string) => text.split("\n").flatMap((line) => (line.includes("#") ? [line.slice(line.indexOf("#"))] : []));

/**
 * Whether a named path resolves. A pattern (`extensions/<handle>/…`, `worker/db/**`) needs its fixed prefix to exist;
 * a build output under `dist/` is made by a script and is not in the repository.
 */
function resolves(path: string): boolean {
  const fixed = path.split(/[<*…]/)[0]!;
  if (fixed !== path) return existsSync(join(ROOT, fixed.slice(0, fixed.lastIndexOf("/") + 1)));
  return /(^|\/)dist(\/|$)/.test(path) || existsSync(join(ROOT, path));
}

describe("paths named in comments", () => {
  it("resolve in shopify.app.toml, wrangler.toml and every source file", async () => {
    const files = ["shopify.app.toml", "wrangler.toml", ...(await Promise.all(SOURCE_DIRS.map(filesUnder))).flat()];
    const named: { file: string; path: string }[] = [];
    for (const file of files) {
      const text = await readFile(join(ROOT, file), "utf8");
      const comments = file.endsWith(".toml") ? tomlComments(text) : tsComments(file, text);
      for (const comment of comments) {
        for (const match of comment.matchAll(PROJECT_PATH)) named.push({ file: relative(ROOT, join(ROOT, file)), path: match[0].replace(/[.,;:]+$/, "") });
      }
    }
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter(({ path }) => !resolves(path))).toEqual([]);
  });
});
