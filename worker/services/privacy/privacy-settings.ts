import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TenantContext } from "../../context/deps.ts";
import { tenantSettingsTable } from "../../db/schema/index.ts";
import { excluded } from "../../db/sql-names.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { DEFAULT_TRACKED_EVENTS } from "../pixel/load-pixel-config.ts";
import { DEFAULT_HOT_WINDOW_DAYS, loadHotWindow, MAX_HOT_WINDOW_DAYS, MIN_HOT_WINDOW_DAYS } from "./archive/hot-window.ts";
import { EXPORT_TTL_MS } from "./export/build-customer-export.ts";
import { DEFAULT_EVENT_RETENTION_DAYS, RAW_RETENTION_DAYS } from "./retention/enforce-retention.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export const MIN_EVENT_RETENTION_DAYS = 30;
export const MAX_EVENT_RETENTION_DAYS = 3_650;

export const UpdatePrivacySettingsInput = z
  .object({
    eventRetentionDays: z.number().int().min(MIN_EVENT_RETENTION_DAYS).max(MAX_EVENT_RETENTION_DAYS).optional(),
    hotWindowDays: z.number().int().min(MIN_HOT_WINDOW_DAYS).max(MAX_HOT_WINDOW_DAYS).optional(),
  })
  .refine((patch) => patch.eventRetentionDays !== undefined || patch.hotWindowDays !== undefined, "give eventRetentionDays, hotWindowDays or both");

/** How long SegOps keeps what: event retention and the hot window are the merchant's, the rest is fixed (docs/privacy.md). */
export type PrivacySettingsView = {
  eventRetentionDays: number;
  defaultEventRetentionDays: number;
  minEventRetentionDays: number;
  maxEventRetentionDays: number;
  /** Raw events older than this move from D1 to the R2 archive (docs/archive.md). */
  hotWindowDays: number;
  defaultHotWindowDays: number;
  /** The smallest hot window allowed now: the fixed minimum, or the longest window a segment counts events in. */
  minHotWindowDays: number;
  maxHotWindowDays: number;
  rawBodyRetentionDays: number;
  exportRetentionDays: number;
};

type Settings = { eventRetentionDays: number; hotWindowDays: number; longestSegmentWindowDays: number };

function view(settings: Settings): PrivacySettingsView {
  return {
    eventRetentionDays: settings.eventRetentionDays,
    defaultEventRetentionDays: DEFAULT_EVENT_RETENTION_DAYS,
    minEventRetentionDays: MIN_EVENT_RETENTION_DAYS,
    maxEventRetentionDays: MAX_EVENT_RETENTION_DAYS,
    hotWindowDays: settings.hotWindowDays,
    defaultHotWindowDays: DEFAULT_HOT_WINDOW_DAYS,
    minHotWindowDays: Math.max(MIN_HOT_WINDOW_DAYS, settings.longestSegmentWindowDays),
    maxHotWindowDays: MAX_HOT_WINDOW_DAYS,
    rawBodyRetentionDays: RAW_RETENTION_DAYS,
    exportRetentionDays: EXPORT_TTL_MS / DAY_MS,
  };
}

async function loadSettings(ctx: TenantContext): Promise<Settings> {
  const [row, hot] = await Promise.all([
    ctx.db.select({ days: tenantSettingsTable.eventRetentionDays }).from(tenantSettingsTable).where(eq(tenantSettingsTable.tenantId, ctx.tenantId)).get(),
    loadHotWindow({ ctx }),
  ]);
  return { eventRetentionDays: row?.days ?? DEFAULT_EVENT_RETENTION_DAYS, hotWindowDays: hot.days, longestSegmentWindowDays: hot.longestSegmentWindowDays };
}

export async function getPrivacySettings(args: { ctx: TenantContext }): Promise<PrivacySettingsView> {
  return view(await loadSettings(args.ctx));
}

export type PrivacySettingsError = { reason: "hot_window_below_segments"; message: string };

/**
 * The next nightly run applies the new values: retention deletes events (and archive days) older than it; the
 * archive moves events older than the hot window, which may not be shorter than any segment's event window.
 */
export async function updatePrivacySettings(args: {
  ctx: TenantContext;
  input: z.output<typeof UpdatePrivacySettingsInput>;
}): Promise<Result<PrivacySettingsView, PrivacySettingsError>> {
  const { ctx, input } = args;
  const current = await loadSettings(ctx);
  const next = { ...current, ...input } as Settings;
  if (input.hotWindowDays !== undefined && input.hotWindowDays < current.longestSegmentWindowDays) {
    const message = `hotWindowDays ${input.hotWindowDays} is shorter than the ${current.longestSegmentWindowDays}-day window a segment counts events in; choose at least ${current.longestSegmentWindowDays}, or shorten that segment first`;
    return err({ reason: "hot_window_below_segments", message });
  }
  const now = new Date();
  await ctx.db
    .insert(tenantSettingsTable)
    .values({ tenantId: ctx.tenantId, trackedEvents: DEFAULT_TRACKED_EVENTS, eventRetentionDays: next.eventRetentionDays, hotWindowDays: next.hotWindowDays, updatedAt: now })
    .onConflictDoUpdate({
      target: tenantSettingsTable.tenantId,
      set: {
        eventRetentionDays: excluded(tenantSettingsTable.eventRetentionDays),
        hotWindowDays: excluded(tenantSettingsTable.hotWindowDays),
        updatedAt: excluded(tenantSettingsTable.updatedAt),
      },
    });
  return ok(view(next));
}
