import { and, desc, eq, isNull } from "drizzle-orm";
import type { SetupStepStatus } from "../install/setup-state.ts";
import { apiKeysTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { DEFAULT_TRACKED_EVENTS } from "../pixel/load-pixel-config.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { countPixelEvents, type PixelEventCounts } from "./count-pixel-events.ts";
import { PIXEL_CONSENT, type PixelConsentView } from "./pixel-consent.ts";
import { PIXEL_EVENT_CATALOG, type PixelEventEntry } from "./pixel-event-catalog.ts";
import { readPixelConfig } from "./read-pixel-config.ts";

export type TrackedEventView = PixelEventEntry & { tracked: boolean; trackedByDefault: boolean };

export type PixelSettingsView = {
  trackedEvents: TrackedEventView[];
  samplingPercent: number;
  consent: PixelConsentView;
  pixel: { installed: boolean; status: SetupStepStatus; detail: string | null; publicKeyHint: string | null; collectorUrl: string };
  counts: PixelEventCounts;
};

async function publicKeyHint(ctx: TenantContext): Promise<string | null> {
  const key = await ctx.db
    .select({ hint: apiKeysTable.hint })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.tenantId, ctx.tenantId), eq(apiKeysTable.kind, "public"), isNull(apiKeysTable.revokedAt)))
    .orderBy(desc(apiKeysTable.createdAt))
    .get();
  return key?.hint ?? null;
}

/** The Pixel page: tracked events and sampling as the handshake serves them, consent, install state and live counts. */
export async function getPixelSettings(args: { ctx: TenantContext }): Promise<PixelSettingsView> {
  const { ctx } = args;
  const [config, setup, hint, counts] = await Promise.all([
    readPixelConfig({ ctx }),
    tenantObject(ctx.env, ctx.tenantId).getSetup(),
    publicKeyHint(ctx),
    countPixelEvents({ ctx }),
  ]);
  const step = setup.pixel;
  return {
    trackedEvents: PIXEL_EVENT_CATALOG.map((entry) => ({
      ...entry,
      tracked: config.trackedEvents.includes(entry.name),
      trackedByDefault: DEFAULT_TRACKED_EVENTS.includes(entry.name),
    })),
    samplingPercent: config.samplingPercent,
    consent: PIXEL_CONSENT,
    pixel: {
      installed: step?.status === "done",
      status: step?.status ?? "pending",
      detail: step?.error ?? step?.detail ?? null,
      publicKeyHint: hint,
      collectorUrl: ctx.config.SHOPIFY_APP_URL.replace(/\/$/, ""),
    },
    counts,
  };
}
