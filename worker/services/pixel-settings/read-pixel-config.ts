import type { TenantContext } from "../../context/deps.ts";
import { forgetPixelConfig, loadPixelConfig, type PixelConfig } from "../pixel/load-pixel-config.ts";

/** What the next handshake serves this tenant, through the collector's own loader and defaults, never its cache. */
export function readPixelConfig(ctx: TenantContext): Promise<PixelConfig> {
  forgetPixelConfig(ctx.tenantId);
  return loadPixelConfig(ctx, ctx.tenantId);
}
