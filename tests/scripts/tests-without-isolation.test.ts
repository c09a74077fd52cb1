import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedTestFiles, NEEDS_ISOLATION, WORKERS_TEST_DIRS } from "../setup/isolated-test-files.ts";

const ROOT = join(import.meta.dirname, "../..");

async function tsFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The workers test files vitest.config.ts runs in the shared workerd (not isolated), with their text. */
async function sharedTestFiles(): Promise<{ file: string; text: string }[]> {
  const isolated = new Set(isolatedTestFiles(ROOT));
  const files = (await Promise.all(WORKERS_TEST_DIRS.map((dir) => tsFilesUnder(`tests/${dir}`)))).flat();
  const shared = files.filter((file) => file.endsWith(".test.ts") && !isolated.has(file));
  return Promise.all(shared.map(async (file) => ({ file, text: await readFile(join(ROOT, file), "utf8") })));
}

// A count over a whole table: in a database other files share, what it answers depends on them.
const WHOLE_TABLE_COUNT = /count\(\*\)[^"`']*?\bfrom\s+[\w"${}.]+\s*["`'),]/i;

// docs/testing.md, "Tests without isolation": the rules vitest.config.ts relies on to share a workerd between files.
describe("workers tests are safe without isolation", () => {
  it("keeps what needs isolation in the test files, where vitest.config.ts looks for it, not in shared helpers", async () => {
    const helpers = [...(await tsFilesUnder("tests/helpers")), ...(await tsFilesUnder("tests/setup"))];
    const offenders = [];
    for (const file of helpers) if (NEEDS_ISOLATION.test(await readFile(join(ROOT, file), "utf8")) && !file.endsWith("isolated-test-files.ts")) offenders.push(file);
    expect(offenders).toEqual([]);
  });

  it("counts no whole table in a file that shares its database", async () => {
    const offenders = [];
    for (const { file, text } of await sharedTestFiles()) {
      const line = text.split("\n").findIndex((l) => WHOLE_TABLE_COUNT.test(l));
      if (line >= 0) offenders.push(`${file}:${line + 1}`);
    }
    expect(offenders, "filter the count by the test's tenant, or see docs/testing.md for `// isolate:`").toEqual([]);
  });

  it("undoes every spy and stubbed global in a file that shares its module graph", async () => {
    const offenders = [];
    for (const { file, text } of await sharedTestFiles()) {
      if (/\bvi\.spyOn\(/.test(text) && !/\b(restoreAllMocks|mockRestore)\(/.test(text)) offenders.push(`${file}: vi.spyOn`);
      if (/\bvi\.stubGlobal\(/.test(text) && !/\bunstubAllGlobals\(/.test(text)) offenders.push(`${file}: vi.stubGlobal`);
    }
    expect(offenders).toEqual([]);
  });

  it("isolates only a few files: each costs a workerd of its own", () => {
    expect(isolatedTestFiles(ROOT).length).toBeLessThanOrEqual(12);
  });
});
