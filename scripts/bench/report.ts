import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Local state (D1, Durable Objects, queues, rate-limiter counters) for every worker of a run, on tmpfs when the
 * machine has one: workerd's SQLite files would otherwise make the shared disk part of what is measured.
 */
export function benchStateDir(prefix: string): Promise<string> {
  return mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), prefix));
}
