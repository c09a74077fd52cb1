import type { TenantContext } from "../../context/deps.ts";
import { forgetPixelConfig, loadPixelConfig, type PixelConfig } from "../pixel/load-pixel-config.ts";

/** What the next handshake serves this tenant, through the collector's own loader and defaults, never its cache. */
export function readPixelConfig(args: { ctx: TenantContext }): Promise<PixelConfig> {
  forgetPixelConfig(args.ctx.tenantId);
  return loadPixelConfig(args);
}
