import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { loadBackfillStatus } from "../../services/backfill/load-backfill-status.ts";
import { queueBackfill } from "../../services/backfill/queue-backfill.ts";
import type { BackfillView } from "../../services/backfill/describe-backfill.ts";
import { tenantContext } from "../../http/tenant-context.ts";

export type BackfillResponse = BackfillView;

/** Backfill progress for the dashboard (polled while it runs), and re-running it on demand. */
export const backfillRoutes = new Hono<AppEnv>()
  .get("/backfill", async (c) => c.json((await loadBackfillStatus({ ctx: await tenantContext(c) })) satisfies BackfillResponse))
  .post("/backfill", async (c) => {
    const ctx = await tenantContext(c);
    const queued = await queueBackfill({ ctx, input: { reason: "manual" } });
    if (!queued.ok) throw new AppError("conflict", `A backfill is already running (job ${queued.error.jobId}); its progress is on the dashboard.`);
    return c.json((await loadBackfillStatus({ ctx })) satisfies BackfillResponse, 202);
  });
