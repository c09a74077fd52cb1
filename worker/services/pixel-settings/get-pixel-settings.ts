import type { SetupStepStatus } from "../install/setup-state.ts";
import { tenantControl, type TenantContext } from "../../context/deps.ts";
import { findPublicKey } from "../keys/find-public-key.ts";
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

/** The Pixel page: tracked events and sampling as the handshake serves them, consent, install state and live counts. */
export async function getPixelSettings(args: { ctx: TenantContext }): Promise<PixelSettingsView> {
  const { ctx } = args;
  const [config, setup, publicKey, counts] = await Promise.all([
    readPixelConfig({ ctx }),
    tenantObject(ctx.env, ctx.tenantId).getSetup(),
    findPublicKey({ ctx: tenantControl(ctx) }),
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
      publicKeyHint: publicKey?.hint ?? null,
      collectorUrl: ctx.config.SHOPIFY_APP_URL.replace(/\/$/, ""),
    },
    counts,
  };
}
