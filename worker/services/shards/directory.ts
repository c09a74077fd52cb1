import { and, eq } from "drizzle-orm";
import { tenantShardsTable } from "../../db/schema/index.ts";
import { forgetTenantShard, TENANT_DIRECTORY_TTL_MS } from "../../context/tenant-directory.ts";
import type { MoveContext } from "./move-context.ts";

/**
 * How long a move waits after freezing (and after switching) before it trusts that no isolate still writes to (or
 * reads from) the old shard: the directory cache's TTL, plus a grace for a write that read its entry just before.
 */
export const SETTLE_MS = TENANT_DIRECTORY_TTL_MS + 5_000;

export type DirectoryEntry = typeof tenantShardsTable.$inferSelect;

export async function readDirectoryEntry(args: { ctx: Pick<MoveContext, "db">; input: { tenantId: string } }): Promise<DirectoryEntry | null> {
  return (await args.ctx.db.select().from(tenantShardsTable).where(eq(tenantShardsTable.tenantId, args.input.tenantId)).get()) ?? null;
}

/** Sets the tenant's state while its entry still names `shard`; false when the entry has moved on (nothing changed). */
async function setState(args: { ctx: Pick<MoveContext, "db">; input: { tenantId: string; shard: string; state: DirectoryEntry["state"]; now: number } }): Promise<boolean> {
  const { ctx, input } = args;
  const changed = await ctx.db
    .update(tenantShardsTable)
    .set({ state: input.state, updatedAt: new Date(input.now) })
    .where(and(eq(tenantShardsTable.tenantId, input.tenantId), eq(tenantShardsTable.shard, input.shard)))
    .returning({ tenantId: tenantShardsTable.tenantId });
  forgetTenantShard(input.tenantId);
  return changed.length === 1;
}

type StateInput = { tenantId: string; shard: string; now: number };

export const freezeTenant = (args: { ctx: Pick<MoveContext, "db">; input: StateInput }) => setState({ ctx: args.ctx, input: { ...args.input, state: "frozen" } });

export const unfreezeTenant = (args: { ctx: Pick<MoveContext, "db">; input: StateInput }) => setState({ ctx: args.ctx, input: { ...args.input, state: "active" } });

/**
 * The switch: the entry names the target and the tenant is active again, in one statement, only while the entry
 * still names `from` frozen (a tenant unfrozen behind the move's back may have written past the catch-up).
 */
export async function switchTenantShard(args: { ctx: Pick<MoveContext, "db">; input: { tenantId: string; from: string; to: string; now: number } }): Promise<boolean> {
  const { ctx, input } = args;
  const changed = await ctx.db
    .update(tenantShardsTable)
    .set({ shard: input.to, state: "active", updatedAt: new Date(input.now) })
    .where(and(eq(tenantShardsTable.tenantId, input.tenantId), eq(tenantShardsTable.shard, input.from), eq(tenantShardsTable.state, "frozen")))
    .returning({ tenantId: tenantShardsTable.tenantId });
  forgetTenantShard(input.tenantId);
  return changed.length === 1;
}
