import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import GithubSlugger from "github-slugger";
import { marked, type Token, type Tokens } from "marked";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const README_MAX_BYTES = 15_000;

const DOCS = ["README.md", ...readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).map((name) => join("docs", name))];

/** Every token of a lexed document, inline ones included: table cells and list items hold their own tokens. */
function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if ("tokens" in token && token.tokens) yield* walk(token.tokens);
    if (token.type === "list") for (const item of (token as Tokens.List).items) yield* walk(item.tokens);
    if (token.type === "table") {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) yield* walk(cell.tokens);
    }
  }
}

/** What a heading reads as once rendered (code spans, emphasis and link text kept, markup dropped). */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if ("tokens" in token && token.tokens) return plainText(token.tokens);
      return token.type === "html" ? "" : "text" in token ? String(token.text) : "";
    })
    .join("");
}

/** The anchors GitHub gives a document's headings: github-slugger's slugs, `-1`, `-2` … on repeats. */
function anchorsOf(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const headings = marked.lexer(markdown).filter((token): token is Tokens.Heading => token.type === "heading");
  return new Set(headings.map((heading) => slugger.slug(plainText(heading.tokens))));
}

type Link = { from: string; href: string };

function linksOf(file: string): Link[] {
  const found = [...walk(marked.lexer(readFileSync(join(ROOT, file), "utf8")))].filter(
    (token): token is Tokens.Link | Tokens.Image => token.type === "link" || token.type === "image",
  );
  return found.map((token) => ({ from: file, href: token.href }));
}

const isRelative = (href: string) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//");

/** Why a relative link is broken, or null when its file exists and its `#anchor` is a heading there. */
function brokenReason({ from, href }: Link): string | null {
  const hash = href.indexOf("#");
  const path = decodeURIComponent(hash === -1 ? href : href.slice(0, hash));
  const anchor = hash === -1 ? null : decodeURIComponent(href.slice(hash + 1));
  const target = path === "" ? join(ROOT, from) : join(ROOT, dirname(from), path);
  if (!existsSync(target)) return `${relative(ROOT, target)} does not exist`;
  if (anchor === null) return null;
  if (statSync(target).isDirectory() || !target.endsWith(".md")) return `#${anchor} points into ${relative(ROOT, target)}, which has no headings`;
  return anchorsOf(readFileSync(target, "utf8")).has(anchor) ? null : `no heading #${anchor} in ${relative(ROOT, target)}`;
}

describe("README and docs links", () => {
  const links = DOCS.flatMap(linksOf).filter((link) => isRelative(link.href));

  it("finds the docs and their relative links", () => {
    expect(DOCS).toContain("docs/ingestion.md");
    expect(links.filter((link) => link.from === "README.md").length).toBeGreaterThan(10);
    expect(links.some((link) => link.href.includes("#"))).toBe(true);
  });

  it("resolves every relative link to a file, and every #anchor to a heading of that file", () => {
    const broken = links.flatMap((link) => {
      const reason = brokenReason(link);
      return reason ? [`${link.from}: (${link.href}) ${reason}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it("slugs headings the way GitHub does", () => {
    const anchors = anchorsOf("# Web pixel\n### Handshake: `POST {collectorUrl}/pixel/v1/handshake`\n## App Bridge and Polaris: production and local\n## Pixel\n## Pixel\n");
    expect([...anchors]).toEqual(["web-pixel", "handshake-post-collectorurlpixelv1handshake", "app-bridge-and-polaris-production-and-local", "pixel", "pixel-1"]);
  });

  it("keeps the README a front door: at most 15 KB", () => {
    expect(statSync(join(ROOT, "README.md")).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });
});
