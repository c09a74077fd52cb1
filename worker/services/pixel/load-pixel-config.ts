import { eq } from "drizzle-orm";
import { tenantSettingsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";

/** The handshake's `config` (docs/pixel.md); batch limits are the collector's own and fixed. */
export type PixelConfig = {
  trackedEvents: string[];
  samplingPercent: number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  flushIntervalMs: number;
};

export const MAX_BATCH_EVENTS = 50;
export const MAX_BATCH_BYTES = 65_536;

/** Spec §3's mapped pixel events; a tenant without settings tracks these. */
export const DEFAULT_TRACKED_EVENTS = ["page_viewed", "product_viewed", "product_added_to_cart", "checkout_started", "checkout_completed", "search_submitted"];

const TTL_MS = 30_000;
const cache = new Map<string, { config: PixelConfig; at: number }>();

export async function loadPixelConfig(args: { ctx: TenantContext; input?: { now?: number } }): Promise<PixelConfig> {
  const { ctx, input } = args;
  const now = input?.now ?? Date.now();
  const hit = cache.get(ctx.tenantId);
  if (hit && now - hit.at < TTL_MS) return hit.config;
  const settings = await ctx.db
    .select({ trackedEvents: tenantSettingsTable.trackedEvents, samplingPercent: tenantSettingsTable.samplingPercent })
    .from(tenantSettingsTable)
    .where(eq(tenantSettingsTable.tenantId, ctx.tenantId))
    .get();
  const config: PixelConfig = {
    trackedEvents: settings?.trackedEvents ?? DEFAULT_TRACKED_EVENTS,
    samplingPercent: settings?.samplingPercent ?? 100,
    maxBatchEvents: MAX_BATCH_EVENTS,
    maxBatchBytes: MAX_BATCH_BYTES,
    flushIntervalMs: 2_000,
  };
  cache.set(ctx.tenantId, { config, at: now });
  return config;
}

/** Call after the tenant's settings change: this isolate's next handshake reads them (others within TTL_MS). */
export function forgetPixelConfig(tenantId: string): void {
  cache.delete(tenantId);
}
