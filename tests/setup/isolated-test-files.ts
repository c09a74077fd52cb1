import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The test folders that run inside workerd (vitest.config.ts's workers projects). */
export const WORKERS_TEST_DIRS = ["worker", "queues", "durable-objects", "conformance"] as const;

/**
 * What makes a workers test file need a database and module graph of its own: running a cron, which acts on every
 * tenant in the database (with shared storage, every tenant earlier files left there), mocking a module, which would
 * change it for the files after, or a line `// isolate: <why>` for an assertion over the whole database.
 * docs/testing.md has the rule.
 */
export const NEEDS_ISOLATION = /\bcreateScheduledController\(|\bvi\.(mock|doMock)\(|^\/\/ isolate: /m;

/** Workers test files (paths relative to `root`, posix) that NEEDS_ISOLATION picks: vitest.config.ts isolates them. */
export function isolatedTestFiles(root: string): string[] {
  return WORKERS_TEST_DIRS.flatMap((dir) => {
    const base = join(root, "tests", dir);
    let names: string[];
    try {
      names = readdirSync(base, { recursive: true, encoding: "utf8" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return names
      .filter((name) => name.endsWith(".test.ts") && NEEDS_ISOLATION.test(readFileSync(join(base, name), "utf8")))
      .map((name) => relative(root, join(base, name)).split("\\").join("/"));
  }).sort();
}
