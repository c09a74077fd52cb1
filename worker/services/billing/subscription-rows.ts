import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { billingSubscriptionsTable, type Plan, type SubscriptionStatus } from "../../db/schema/index.ts";
import { col, excluded } from "../../db/sql-names.ts";

/** What Shopify said about one app subscription, and as of when (its `updated_at`, or the time we asked it). */
export type SubscriptionObservation = {
  tenantId: string;
  subscriptionGid: string;
  plan: Plan;
  status: SubscriptionStatus;
  at: number;
  createdAt: number;
  test?: boolean;
  trialDays?: number;
  currentPeriodEnd?: number | null;
  /** The merchant came back through the return URL after approving. */
  approvedAt?: number | null;
};

/** No longer billed and no longer in force: a trial stops counting when its subscription gets here. */
export const ENDED_STATUSES: readonly SubscriptionStatus[] = ["CANCELLED", "EXPIRED", "FROZEN", "DECLINED"];

const s = billingSubscriptionsTable;
// SQLite's two-argument min() is null when either is: the earliest of two times either of which may be unknown.
const earliest = (column: { name: string }) => sql`min(coalesce(${s}.${col(column)}, ${excluded(column)}), coalesce(${excluded(column)}, ${s}.${col(column)}))`;
// Webhook times have whole seconds: two changes in one second are ordered by the lifecycle (pending, active, frozen, ended).
const LIFECYCLE = "PENDING ACCEPTED ACTIVE FROZEN DECLINED EXPIRED CANCELLED";
const NEWER = sql`(${excluded(s.statusAt)} > ${s}.${col(s.statusAt)} or (${excluded(s.statusAt)} = ${s}.${col(s.statusAt)}
  and instr(${LIFECYCLE}, ${excluded(s.status)}) > instr(${LIFECYCLE}, ${s}.${col(s.status)})))`;

/**
 * One upsert per observation, in order: the status moves only to a newer one (so an older delivery never wins), the
 * first activation and the first end are kept whatever order they arrive in, and what creation fixed stays.
 */
export function writeSubscriptionObservations(rows: readonly SubscriptionObservation[], now: number): SQL[] {
  return rows.map((row) => {
    const activatedAt = row.status === "ACTIVE" ? row.at : null;
    const endedAt = ENDED_STATUSES.includes(row.status) ? row.at : null;
    return sql`
      insert into ${s} (${col(s.tenantId)}, ${col(s.subscriptionGid)}, ${col(s.plan)}, ${col(s.status)}, ${col(s.statusAt)}, ${col(s.test)},
        ${col(s.trialDays)}, ${col(s.createdAt)}, ${col(s.approvedAt)}, ${col(s.activatedAt)}, ${col(s.endedAt)}, ${col(s.currentPeriodEnd)},
        ${col(s.trialCounted)}, ${col(s.updatedAt)})
      values (${row.tenantId}, ${row.subscriptionGid}, ${row.plan}, ${row.status}, ${row.at}, ${row.test ? 1 : 0}, ${row.trialDays ?? 0},
        ${row.createdAt}, ${row.approvedAt ?? null}, ${activatedAt}, ${endedAt}, ${row.currentPeriodEnd ?? null}, 0, ${now})
      on conflict (${col(s.tenantId)}, ${col(s.subscriptionGid)}) do update set
        ${col(s.status)} = iif(${NEWER}, ${excluded(s.status)}, ${s}.${col(s.status)}),
        ${col(s.statusAt)} = max(${s}.${col(s.statusAt)}, ${excluded(s.statusAt)}),
        ${col(s.currentPeriodEnd)} = iif(${NEWER}, coalesce(${excluded(s.currentPeriodEnd)}, ${s}.${col(s.currentPeriodEnd)}), ${s}.${col(s.currentPeriodEnd)}),
        ${col(s.approvedAt)} = ${earliest(s.approvedAt)},
        ${col(s.activatedAt)} = ${earliest(s.activatedAt)},
        ${col(s.endedAt)} = ${earliest(s.endedAt)},
        ${col(s.updatedAt)} = ${now}
    `;
  });
}

/**
 * Shopify cancels an app's subscriptions when it is uninstalled: written with the uninstall, so a reinstall starts on
 * Starter and the trial stops counting at the uninstall.
 */
export function cancelSubscriptionsOnUninstall(tenantId: string, now: number): SQL[] {
  const live = and(eq(s.tenantId, tenantId), inArray(s.status, ["PENDING", "ACCEPTED", "ACTIVE", "FROZEN"]));
  return [
    sql`update ${s} set ${col(s.endedAt)} = coalesce(${s}.${col(s.endedAt)}, ${now}) where ${and(live, isNotNull(s.activatedAt))}`,
    sql`update ${s} set ${col(s.status)} = 'CANCELLED', ${col(s.statusAt)} = max(${s}.${col(s.statusAt)}, ${now}), ${col(s.updatedAt)} = ${now} where ${live}`,
  ];
}
