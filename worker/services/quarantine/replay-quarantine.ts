import { eq } from "drizzle-orm";
import type { IngestMessage } from "../../../queues/messages.ts";
import { forTenant, type Deps } from "../../context/deps.ts";
import type { ShardContext } from "../../context/for-shard.ts";
import { quarantineTable } from "../../db/schema/index.ts";
import { findTenantByShop } from "../tenants/find-tenant.ts";
import { findQuarantine } from "./list-quarantine.ts";

type Found = { row: typeof quarantineTable.$inferSelect; shard: ShardContext };

/**
 * The tenant a row of no tenant belongs to now that its shop has one: the row moves to that tenant's shard, as
 * the tenant's, so the replay writes there (and retention and privacy requests find it with the tenant's data).
 */
async function adoptByShop(ctx: Deps, { row, shard }: Found): Promise<string | null> {
  const tenant = row.shopDomain ? await findTenantByShop({ ctx, input: { shop: row.shopDomain } }) : null;
  if (!tenant) return null;
  const target = await forTenant(ctx, tenant.id);
  if (target.d1 !== shard.d1) {
    // Copied before it is deleted: an adoption that dies between the two is finished by the next replay.
    await target.db.insert(quarantineTable).values({ ...row, tenantId: tenant.id }).onConflictDoNothing();
    await shard.db.delete(quarantineTable).where(eq(quarantineTable.id, row.id));
  }
  return tenant.id;
}

/**
 * Queues a quarantined input to run through the current mapping again; the ingest consumer, on the shard of the
 * row's tenant, writes the outcome to the row (`replayed_at`, `replay_result`). False when the row does not exist.
 */
export async function replayQuarantine(args: { ctx: Deps; input: { id: string } }): Promise<boolean> {
  const { ctx, input } = args;
  const { id } = input;
  const found = await findQuarantine({ ctx, input: { id } });
  if (!found) return false;
  const tenantId = found.row.tenantId ?? (await adoptByShop(ctx, found));
  await ctx.env.INGEST_QUEUE.send({ type: "replay", quarantineId: id, ...(tenantId ? { tenantId } : {}) } satisfies IngestMessage);
  ctx.log.info("quarantine replay queued", { quarantineId: id, tenant: tenantId });
  return true;
}
