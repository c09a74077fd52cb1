import { keepPrivacyDeadlines as keep } from "../services/privacy/keep-privacy-deadlines.ts";
import type { CronJob } from "./types.ts";

/** Daily: retries failed privacy requests, finishes overdue ones, flags those at risk, deletes expired exports. */
export const keepPrivacyDeadlines: CronJob = (deps, now) => keep({ ctx: deps, input: { now: now.getTime() } });
