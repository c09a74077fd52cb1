import { z } from "zod";
import { tenantSettingsTable } from "../../db/schema/index.ts";
import { excluded } from "../../db/sql-names.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import type { PixelConfig } from "../pixel/load-pixel-config.ts";
import { orderPixelEvents, unknownPixelEvents } from "./pixel-event-catalog.ts";
import { readPixelConfig } from "./read-pixel-config.ts";

export const UpdatePixelSettingsInput = z.object({
  trackedEvents: z.array(z.string().min(1).max(100)).max(100),
  samplingPercent: z.number().int().min(0).max(100),
});

export type UpdatePixelSettingsError = { reason: "unknown_events"; names: string[] };

/** Stores tracked events and sampling in tenant_settings and answers the config the next handshake sends. */
export async function updatePixelSettings(args: {
  ctx: TenantContext;
  input: z.output<typeof UpdatePixelSettingsInput>;
}): Promise<Result<PixelConfig, UpdatePixelSettingsError>> {
  const { ctx, input } = args;
  const unknown = unknownPixelEvents(input.trackedEvents);
  if (unknown.length > 0) return err({ reason: "unknown_events", names: [...new Set(unknown)] });
  const trackedEvents = orderPixelEvents(input.trackedEvents);
  const updatedAt = new Date();
  await ctx.db
    .insert(tenantSettingsTable)
    .values({ tenantId: ctx.tenantId, trackedEvents, samplingPercent: input.samplingPercent, updatedAt })
    .onConflictDoUpdate({
      target: tenantSettingsTable.tenantId,
      set: {
        trackedEvents: excluded(tenantSettingsTable.trackedEvents),
        samplingPercent: excluded(tenantSettingsTable.samplingPercent),
        updatedAt: excluded(tenantSettingsTable.updatedAt),
      },
    });
  return ok(await readPixelConfig({ ctx }));
}
