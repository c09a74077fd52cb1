import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

export const SHARED_FIXTURES_DIR = join(import.meta.dirname, "../../../shared/fixtures/shopify");

/** Raw text of every file under ../shared/fixtures/shopify keyed by relative path, or null when the folder is absent. */
export async function loadSharedFixtures(): Promise<Record<string, string> | null> {
  const files: Record<string, string> = {};
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files[relative(SHARED_FIXTURES_DIR, path)] = await readFile(path, "utf8");
    }
  }
  try {
    await walk(SHARED_FIXTURES_DIR);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.warn(`SKIPPED: ${SHARED_FIXTURES_DIR} is absent, so the conformance tests over Shopify's real payloads will not run.`);
      return null;
    }
    throw error;
  }
  return files;
}
