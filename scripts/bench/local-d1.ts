import { spawnSync } from "node:child_process";
import { WRANGLER_ENV, wranglerCommand } from "../dev/wrangler-command.ts";

/** Runs SQL against the stack's local D1 with `wrangler d1 execute --local`, the same database the app writes. */
export function queryLocalD1<T = Record<string, unknown>>(persistTo: string, command: string): T[] {
  const run = spawnSync(...wranglerCommand(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", command]), {
    env: WRANGLER_ENV,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`wrangler d1 execute failed:\n${run.stdout}\n${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as { results: T[] }[];
  return parsed.flatMap((statement) => statement.results);
}

const ALPHABET = "0123456789abcdefghijkmnopqrstuvwxyz";

/** When the consumer minted an event id (`newId` puts milliseconds first), i.e. when it was written. */
export function idTime(id: string): number {
  const time = id.slice(id.indexOf("_") + 1, id.indexOf("_") + 10);
  let ms = 0;
  for (const char of time) ms = ms * ALPHABET.length + ALPHABET.indexOf(char);
  return ms;
}
