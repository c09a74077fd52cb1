import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import type { PixelConfig } from "../../services/pixel/load-pixel-config.ts";
import { getPixelSettings, type PixelSettingsView } from "../../services/pixel-settings/get-pixel-settings.ts";
import { PIXEL_EVENT_CATALOG } from "../../services/pixel-settings/pixel-event-catalog.ts";
import { updatePixelSettings, UpdatePixelSettingsInput } from "../../services/pixel-settings/update-pixel-settings.ts";
import { validateJson } from "../../http/validate-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";

export type PixelSettingsResponse = PixelSettingsView;
export type UpdatePixelSettingsBody = z.input<typeof UpdatePixelSettingsInput>;
/** The config the next handshake sends (`POST /pixel/v1/handshake` → `config`). */
export type UpdatePixelSettingsResponse = PixelConfig;

/** The Pixel page: `GET /pixel` (settings, consent, install state, live counts) and `PUT /pixel` `{ trackedEvents, samplingPercent }`. */
export const pixelSettingsRoutes = new Hono<AppEnv>()
  .get("/pixel", async (c) => c.json((await getPixelSettings({ ctx: await tenantContext(c) })) satisfies PixelSettingsResponse))
  .put("/pixel", validateJson(UpdatePixelSettingsInput), async (c) => {
    const input = c.req.valid("json");
    const updated = await updatePixelSettings({ ctx: await tenantContext(c), input });
    if (!updated.ok) {
      const known = PIXEL_EVENT_CATALOG.map((entry) => entry.name).join(", ");
      throw new AppError("validation_failed", `trackedEvents: unknown pixel events ${updated.error.names.join(", ")}; the pixel tracks ${known}.`, {
        details: { field: "trackedEvents", unknown: updated.error.names },
      });
    }
    return c.json(updated.value satisfies UpdatePixelSettingsResponse);
  });
