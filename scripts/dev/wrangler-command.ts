import { fileURLToPath } from "node:url";

const WRANGLER_JS = fileURLToPath(new URL("../../node_modules/wrangler/bin/wrangler.js", import.meta.url));

/** Environment for wrangler child processes: no metrics (no network here), no D1 beta banner. */
export const WRANGLER_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", NO_D1_WARNING: "true" };

/**
 * The command to run wrangler with this process's own Node (22, from node_modules/.bin under npm), whatever
 * `node` the PATH holds: wrangler refuses Node 20, which is the system Node on our machines.
 */
export function wranglerCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [WRANGLER_JS, ...args]];
}
