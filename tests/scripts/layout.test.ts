import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QUEUE_NAMES } from "../../queues/messages.ts";
import { CRONS } from "../../worker/crons.ts";

const ROOT = join(import.meta.dirname, "../..");

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe("project layout rules", () => {
  it("keeps route handlers thin: nothing under worker/routes imports drizzle-orm", async () => {
    const offenders = [];
    for (const file of await filesUnder("worker/routes")) {
      if (/from "drizzle-orm/.test(await readFile(file, "utf8"))) offenders.push(file.slice(ROOT.length + 1));
    }
    expect(offenders).toEqual([]);
  });

  it("wires every cron trigger in wrangler.toml to a job, and no job to a missing trigger", async () => {
    const toml = await readFile(join(ROOT, "wrangler.toml"), "utf8");
    const block = /crons = \[([\s\S]*?)\]/.exec(toml)?.[1] ?? "";
    const declared = [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(declared.sort()).toEqual(Object.values(CRONS).sort());
  });

  it("gives every queue in wrangler.toml a consumer in queues/index.ts", async () => {
    const toml = await readFile(join(ROOT, "wrangler.toml"), "utf8");
    const consumed = [...toml.matchAll(/\[\[queues\.consumers\]\]\s*\nqueue = "([^"]+)"/g)].map((m) => m[1]);
    expect(consumed.sort()).toEqual(Object.values(QUEUE_NAMES).sort());
  });
});
