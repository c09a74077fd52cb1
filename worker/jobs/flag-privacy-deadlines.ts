import { and, isNull, lt, ne } from "drizzle-orm";
import { privacyRequestsTable } from "../db/schema/index.ts";
import type { CronJob } from "./types.ts";

const AT_RISK_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Flags open privacy requests due within a week (or overdue) so the admin and operators see them. */
export const flagPrivacyDeadlines: CronJob = async ({ db, log }, now) => {
  const flagged = await db
    .update(privacyRequestsTable)
    .set({ atRiskAt: now })
    .where(
      and(
        ne(privacyRequestsTable.status, "completed"),
        isNull(privacyRequestsTable.atRiskAt),
        lt(privacyRequestsTable.dueAt, new Date(now.getTime() + AT_RISK_WINDOW_MS)),
      ),
    )
    .returning({ id: privacyRequestsTable.id, tenantId: privacyRequestsTable.tenantId });
  for (const request of flagged) log.warn("privacy request at risk", { tenant: request.tenantId, request: request.id });
  return { flagged: flagged.length };
};
