import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { TenantContext } from "../../context/deps.ts";
import { runStatements } from "../../db/run-statements.ts";
import { billingSubscriptionsTable, billingTrialsTable } from "../../db/schema/index.ts";
import { base64ToBytes, bytesToHex, utf8 } from "../../lib/encoding.ts";
import { isolateMemo } from "../../lib/isolate-memo.ts";
import { col } from "../../db/sql-names.ts";

export const TRIAL_ALLOWANCE_DAYS = 30;
export const DAY_MS = 86_400_000;

// The HKDF label and message of privacy's shop tombstone (issue 12), so one keyed hash names a shop in both places
// and erasing a shop keeps its trial: the hash is an HMAC under a subkey of TOKEN_ENCRYPTION_KEY, never the domain.
const shopKey = isolateMemo(async (encryptionKey) => {
  const master = await crypto.subtle.importKey("raw", base64ToBytes(encryptionKey) as Uint8Array<ArrayBuffer>, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: utf8("segops"), info: utf8("privacy-tombstone/v1") },
    master,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
});

/** The key of a shop's row in `billing_trials`. */
export async function shopTrialKey(encryptionKey: string, shopDomain: string): Promise<string> {
  const message = utf8(`shop\u0000${shopDomain.trim().toLowerCase()}`);
  return bytesToHex(new Uint8Array(await crypto.subtle.sign("HMAC", await shopKey(encryptionKey), message)));
}

type TrialSpan = { trialDays: number; activatedAt: Date | null; endedAt: Date | null };

/** Days of its trial a subscription has used by `now`: every started day counts, never more than it was given. */
export function trialDaysUsedBy(subscription: TrialSpan, now: number): number {
  if (!subscription.activatedAt || subscription.trialDays <= 0) return 0;
  const end = Math.min(subscription.endedAt?.getTime() ?? now, now);
  const started = Math.max(0, end - subscription.activatedAt.getTime());
  return Math.min(subscription.trialDays, Math.ceil(started / DAY_MS));
}

/** Trial days the shop used in subscriptions already settled: earlier plans, earlier installs, erased workspaces. */
export async function readSettledTrialDays(args: { ctx: TenantContext; input: { shopDomain: string } }): Promise<number> {
  const { ctx, input } = args;
  const key = await shopTrialKey(ctx.config.TOKEN_ENCRYPTION_KEY, input.shopDomain);
  const row = await ctx.db.select({ daysUsed: billingTrialsTable.daysUsed }).from(billingTrialsTable).where(eq(billingTrialsTable.shopHash, key)).get();
  return row?.daysUsed ?? 0;
}

const DAY = sql.raw(String(DAY_MS));

/**
 * Moves the trial days of the tenant's ended subscriptions into the shop's ledger row, each subscription once: the
 * sum and the `trial_counted` marks are one transaction, so a retried or concurrent settlement adds nothing twice.
 */
export async function settleTrialDays(args: { ctx: TenantContext; input: { shopDomain: string; now: number } }): Promise<void> {
  const { ctx, input } = args;
  const key = await shopTrialKey(ctx.config.TOKEN_ENCRYPTION_KEY, input.shopDomain);
  const s = billingSubscriptionsTable;
  const uncounted = and(eq(s.tenantId, ctx.tenantId), eq(s.trialCounted, false), gt(s.trialDays, 0), isNotNull(s.activatedAt), isNotNull(s.endedAt));
  // Started days, as trialDaysUsedBy counts them: ceil((ended - activated) / day), capped at the days given.
  const used = sql`min(${s.trialDays}, (max(0, ${s.endedAt} - ${s.activatedAt}) + ${DAY} - 1) / ${DAY})`;
  const t = billingTrialsTable;
  await runStatements(ctx.d1, [
    sql`
      insert into ${t} (${col(t.shopHash)}, ${col(t.daysUsed)}, ${col(t.updatedAt)})
      select ${key}, coalesce(sum(${used}), 0), ${input.now} from ${s} where ${uncounted}
      on conflict (${col(t.shopHash)}) do update set
        ${col(t.daysUsed)} = min(${TRIAL_ALLOWANCE_DAYS}, ${t.daysUsed} + excluded.${col(t.daysUsed)}), ${col(t.updatedAt)} = excluded.${col(t.updatedAt)}`,
    sql`update ${s} set ${col(s.trialCounted)} = 1 where ${uncounted}`,
  ]);
}
