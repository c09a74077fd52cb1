import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../extensions/segops-theme");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const blocks = readdirSync(join(ROOT, "blocks")).filter((name) => name.endsWith(".liquid"));
const assets = readdirSync(join(ROOT, "assets"));

type Schema = { name: string; target: string; javascript?: string; stylesheet?: string; settings: { id: string; type: string }[] };
const schemaOf = (liquid: string): Schema => JSON.parse(/\{% schema %\}([\s\S]*?)\{% endschema %\}/.exec(liquid)![1]!) as Schema;

describe("theme app extension (extensions/segops-theme)", () => {
  it("is a theme extension with a landing page block and a recommendations block", () => {
    expect(parseToml(read("shopify.extension.toml"))).toMatchObject({ type: "theme" });
    expect(blocks.sort()).toEqual(["landing-page.liquid", "recommendations.liquid"]);
  });

  it.each(blocks)("%s is an app block for sections, whose assets and settings exist", (block) => {
    const schema = schemaOf(read(`blocks/${block}`));
    expect(schema.target).toBe("section");
    expect(assets).toContain(schema.javascript);
    expect(assets).toContain(schema.stylesheet);
    const ids = schema.settings.map((setting) => setting.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, setting] of read(`blocks/${block}`).matchAll(/block\.settings\.([a-z_]+)/g)) expect(ids).toContain(setting);
  });

  it("requests nothing but the app proxy: no absolute URL anywhere, every fetched source under /apps/segops/", () => {
    for (const file of [...blocks.map((b) => `blocks/${b}`), ...assets.map((a) => `assets/${a}`)]) expect(read(file)).not.toMatch(/(https?:)?\/\/[a-z0-9]/i);
    for (const block of blocks) {
      const sources = [...read(`blocks/${block}`).matchAll(/(?:data-segops-src="|capture segops_src -%\}\s*)([^"{\s]+)/g)].map((m) => m[1]);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(source).toMatch(/^\/apps\/segops\/(pages\/|recommendations\?)/);
    }
  });

  it("keeps its assets small (theme-check's budget is about 10 KB of compressed JavaScript a block)", () => {
    const gzipped = assets.reduce((total, asset) => total + gzipSync(readFileSync(join(ROOT, "assets", asset))).length, 0);
    expect(gzipped).toBeLessThan(2_048);
  });

  it("fills each block from its same-origin proxy address and ignores any other address", async () => {
    const fetched: string[] = [];
    const block = (src: string) => ({ dataset: {} as Record<string, string>, innerHTML: "", getAttribute: () => src });
    const ours = block("/apps/segops/pages/spring?fragment=1");
    const foreign = block("/cart.js");
    const document = { readyState: "complete", querySelectorAll: () => [ours, foreign], addEventListener: () => undefined };
    const fetch = async (url: string) => {
      fetched.push(url);
      return { ok: true, text: async () => "<h1>Spring</h1>" };
    };
    runInNewContext(read("assets/segops-block.js"), { document, fetch });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fetched).toEqual(["/apps/segops/pages/spring?fragment=1"]);
    expect(ours.innerHTML).toBe("<h1>Spring</h1>");
    expect(foreign.innerHTML).toBe("");
  });
});
