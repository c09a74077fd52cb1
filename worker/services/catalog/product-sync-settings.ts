import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { tenantSettingsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { DEFAULT_TRACKED_EVENTS } from "../pixel/load-pixel-config.ts";

/** Inbound: `products/*` webhooks and the backfill keep the catalog; outbound: SegOps' own products go to Shopify. */
export type ProductSyncSettings = { inbound: boolean; outbound: boolean };

export const UpdateProductSyncInput = z.object({ inbound: z.boolean().optional(), outbound: z.boolean().optional() }).strict();

/** The tenant's product sync switches; inbound on and outbound off until the merchant changes them. */
export async function getProductSyncSettings(args: { ctx: TenantContext }): Promise<ProductSyncSettings> {
  const { ctx } = args;
  const row = await ctx.db
    .select({ inbound: tenantSettingsTable.productSyncInbound, outbound: tenantSettingsTable.productSyncOutbound })
    .from(tenantSettingsTable)
    .where(eq(tenantSettingsTable.tenantId, ctx.tenantId))
    .get();
  return row ?? { inbound: true, outbound: false };
}

/** Changes the switches given and answers all of them; the pixel's settings in the same row are left as they are. */
export async function updateProductSyncSettings(args: { ctx: TenantContext; input: z.output<typeof UpdateProductSyncInput> }): Promise<ProductSyncSettings> {
  const { ctx, input } = args;
  const current = await getProductSyncSettings({ ctx });
  const next = { inbound: input.inbound ?? current.inbound, outbound: input.outbound ?? current.outbound };
  await ctx.db
    .insert(tenantSettingsTable)
    .values({ tenantId: ctx.tenantId, trackedEvents: DEFAULT_TRACKED_EVENTS, productSyncInbound: next.inbound, productSyncOutbound: next.outbound, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: tenantSettingsTable.tenantId,
      set: {
        productSyncInbound: sql`excluded.${sql.identifier(tenantSettingsTable.productSyncInbound.name)}`,
        productSyncOutbound: sql`excluded.${sql.identifier(tenantSettingsTable.productSyncOutbound.name)}`,
        updatedAt: sql`excluded.${sql.identifier(tenantSettingsTable.updatedAt.name)}`,
      },
    });
  return next;
}
