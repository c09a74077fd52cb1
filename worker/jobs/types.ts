import type { Deps } from "../context/deps.ts";

/** A cron job: a plain function of deps and the scheduled time, returning counts for the log line. */
export type CronJob = (deps: Deps, now: Date) => Promise<Record<string, number>>;
