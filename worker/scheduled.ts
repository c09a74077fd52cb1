import { CRONS } from "./crons.ts";
import { parseConfig } from "./env.ts";
import { enforceRetention } from "./jobs/enforce-retention.ts";
import { keepPrivacyDeadlines } from "./jobs/keep-privacy-deadlines.ts";
import { reconcileRecentChanges } from "./jobs/reconcile-recent-changes.ts";
import { recomputeSegments } from "./jobs/recompute-segments.ts";
import { refreshRecommendationScores } from "./jobs/refresh-recommendations.ts";
import { repairBillingDrift } from "./jobs/repair-billing-drift.ts";
import { scoreAndPushMetafields } from "./jobs/score-and-push-metafields.ts";
import type { CronJob } from "./jobs/types.ts";
import { createLogger, errorMessage } from "./lib/log.ts";
import { createDeps } from "./context/deps.ts";


function jobFor(cron: string): CronJob | undefined {
  switch (cron) {
    case CRONS.reconcile:
      return reconcileRecentChanges;
    case CRONS.metafieldPush:
      return scoreAndPushMetafields;
    case CRONS.retention:
      return enforceRetention;
    case CRONS.privacyRequests:
      return keepPrivacyDeadlines;
    case CRONS.segmentRecompute:
      return recomputeSegments;
    case CRONS.billingDrift:
      return repairBillingDrift;
    case CRONS.recommendationRefresh:
      return refreshRecommendationScores;
    default:
      return undefined;
  }
}

/** `scheduled()` entry: dispatches on the cron expression; one structured log line per run. */
export async function runScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const started = Date.now();
  const log = createLogger({ cron: controller.cron });
  const job = jobFor(controller.cron);
  if (!job) throw new Error(`No job for cron ${controller.cron}`);
  const parsed = parseConfig(env);
  if (!parsed.ok) {
    log.error("bad environment", { issues: parsed.issues });
    throw new Error("bad environment");
  }
  try {
    const counts = await job(createDeps(env, parsed.config, log), new Date(controller.scheduledTime));
    log.info("cron", { job: job.name, status: "ok", ...counts, ms: Date.now() - started });
  } catch (error) {
    log.error("cron", { job: job.name, status: "failed", error: errorMessage(error), ms: Date.now() - started });
    throw error;
  }
}
