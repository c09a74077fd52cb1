import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { tenantSettingsTable } from "../../db/schema/index.ts";
import { excluded } from "../../db/sql-names.ts";
import { DEFAULT_TRACKED_EVENTS } from "../pixel/load-pixel-config.ts";
import { EXPORT_TTL_MS } from "./export/build-customer-export.ts";
import { DEFAULT_EVENT_RETENTION_DAYS, RAW_RETENTION_DAYS } from "./retention/enforce-retention.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export const MIN_EVENT_RETENTION_DAYS = 30;
export const MAX_EVENT_RETENTION_DAYS = 3_650;

export const UpdatePrivacySettingsInput = z.object({
  eventRetentionDays: z.number().int().min(MIN_EVENT_RETENTION_DAYS).max(MAX_EVENT_RETENTION_DAYS),
});

/** How long SegOps keeps what: the event retention is the merchant's, the rest is fixed (docs/privacy.md). */
export type PrivacySettingsView = {
  eventRetentionDays: number;
  defaultEventRetentionDays: number;
  minEventRetentionDays: number;
  maxEventRetentionDays: number;
  rawBodyRetentionDays: number;
  exportRetentionDays: number;
};

function view(eventRetentionDays: number): PrivacySettingsView {
  return {
    eventRetentionDays,
    defaultEventRetentionDays: DEFAULT_EVENT_RETENTION_DAYS,
    minEventRetentionDays: MIN_EVENT_RETENTION_DAYS,
    maxEventRetentionDays: MAX_EVENT_RETENTION_DAYS,
    rawBodyRetentionDays: RAW_RETENTION_DAYS,
    exportRetentionDays: EXPORT_TTL_MS / DAY_MS,
  };
}

export async function getPrivacySettings(args: { ctx: TenantContext }): Promise<PrivacySettingsView> {
  const { ctx } = args;
  const row = await ctx.db.select({ days: tenantSettingsTable.eventRetentionDays }).from(tenantSettingsTable).where(eq(tenantSettingsTable.tenantId, ctx.tenantId)).get();
  return view(row?.days ?? DEFAULT_EVENT_RETENTION_DAYS);
}

/** The next nightly retention run deletes events older than the new value; a longer value keeps what is still there. */
export async function updatePrivacySettings(args: { ctx: TenantContext; input: z.output<typeof UpdatePrivacySettingsInput> }): Promise<PrivacySettingsView> {
  const { ctx, input } = args;
  await ctx.db
    .insert(tenantSettingsTable)
    .values({ tenantId: ctx.tenantId, trackedEvents: DEFAULT_TRACKED_EVENTS, eventRetentionDays: input.eventRetentionDays, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: tenantSettingsTable.tenantId,
      set: { eventRetentionDays: excluded(tenantSettingsTable.eventRetentionDays), updatedAt: excluded(tenantSettingsTable.updatedAt) },
    });
  return view(input.eventRetentionDays);
}
