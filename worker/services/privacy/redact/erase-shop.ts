import { and, eq, getTableName, ne, or, sql, type SQL } from "drizzle-orm";
import { forTenant, type Deps, type TenantContext } from "../../../context/deps.ts";
import { forgetTenantShard, TenantDirectoryError } from "../../../context/tenant-directory.ts";
import { tenantObject } from "../../../context/tenant-object.ts";
import { PRIVACY_CLASSIFICATION } from "../../../db/privacy-classification.ts";
import { billingTrialsTable, privacyRequestsTable, shopTombstonesTable, tenantShardsTable, tenantsTable, tenantTombstonesTable } from "../../../db/schema/index.ts";
import { excluded } from "../../../db/sql-names.ts";
import { eraseTenantArchive } from "../archive/delete-archive.ts";
import { shopHash, tenantHash } from "../subject-hash.ts";
import { deleteInBatches, useQuery, type WorkBudget } from "../work-budget.ts";
import type { RedactionSlice } from "./redact-customer.ts";

const p = privacyRequestsTable;

/** What `shop_domain` of a privacy request becomes once its shop is erased: the shop's keyed hash. */
export const REDACTED_SHOP_PREFIX = "redacted:";

/** Where a request's export is stored in R2: named by the request alone, so a retried export overwrites its file. */
export const exportKey = (requestId: string) => `exports/${requestId}.json`;

async function writeTombstones(ctx: Deps, tenantId: string | null, shopDomain: string, now: number): Promise<void> {
  const key = ctx.config.TOKEN_ENCRYPTION_KEY;
  const hash = await shopHash(key, shopDomain);
  // billing_trials is keyed by the same hash and outlives the erasure; the tombstone repeats its count.
  const trial = await ctx.db.select({ daysUsed: billingTrialsTable.daysUsed }).from(billingTrialsTable).where(eq(billingTrialsTable.shopHash, hash)).get();
  const trialDaysUsed = trial?.daysUsed ?? null;
  const shop = ctx.db
    .insert(shopTombstonesTable)
    .values({ shopHash: hash, redactedAt: new Date(now), trialDaysUsed })
    .onConflictDoUpdate({
      target: shopTombstonesTable.shopHash,
      set: { redactedAt: new Date(now), trialDaysUsed: sql`max(coalesce(${shopTombstonesTable.trialDaysUsed}, 0), coalesce(${excluded(shopTombstonesTable.trialDaysUsed)}, 0))` },
    });
  if (!tenantId) return void (await shop);
  const tenant = ctx.db.insert(tenantTombstonesTable).values({ tenantHash: await tenantHash(key, tenantId), redactedAt: new Date(now) }).onConflictDoNothing();
  await ctx.db.batch([shop, tenant]);
}

/** Exports of the tenant's or the shop's data requests. */
async function deleteExports(ctx: Deps, owner: SQL, budget: WorkBudget): Promise<number> {
  useQuery(budget);
  const requests = await ctx.db.select({ export: p.export }).from(p).where(owner);
  const files = requests.flatMap((request) => (request.export && request.export.deletedAt === null ? [request.export.key] : []));
  for (let i = 0; i < files.length; i += 1000) await ctx.env.PRIVACY_EXPORTS.delete(files.slice(i, i + 1000));
  return files.length;
}

/**
 * One bounded slice of shop/redact. Tombstones first (keyed hashes of the tenant id and shop domain, so consumers
 * drop the tenant's queued messages from now on), then every table the classification says to empty, the exports,
 * the event archive's files, the Durable Object's storage, and the tenant row last; privacy requests stay as scrubbed proof.
 */
/** The tenant's shard; null once its directory entry is gone (deleted last, with the tenant: its shard is erased). */
async function shardOf(ctx: Deps, tenantId: string | null): Promise<TenantContext | null> {
  if (!tenantId) return null;
  try {
    return await forTenant(ctx, tenantId);
  } catch (error) {
    if (error instanceof TenantDirectoryError) return null;
    throw error;
  }
}

export async function eraseShop(args: {
  ctx: Deps;
  input: { requestId: string; tenantId: string | null; shopDomain: string; uninstalledAt: number | null; budget: WorkBudget };
}): Promise<RedactionSlice> {
  const { ctx, input } = args;
  const { tenantId, shopDomain, budget } = input;
  const counts: Record<string, number> = {};
  useQuery(budget);
  await writeTombstones(ctx, tenantId, shopDomain, Date.now());
  const shard = await shardOf(ctx, tenantId);
  for (const entry of PRIVACY_CLASSIFICATION) {
    const redact = entry.shopRedact;
    if (redact.action !== "delete_rows" || entry.table === tenantsTable || entry.table === tenantShardsTable) continue;
    const matches = [tenantId && redact.byTenant ? eq(redact.byTenant, tenantId) : undefined, redact.byShop ? eq(redact.byShop, shopDomain) : undefined];
    const where = or(...matches.filter((match) => match !== undefined));
    if (!where) continue;
    // Data rows are on the tenant's shard, and those stored before the shop had a tenant on the control database.
    const databases = entry.plane === "data" && shard && shard.d1 !== ctx.d1 ? [shard, ctx] : [ctx];
    for (const database of databases) {
      const progress = await deleteInBatches({ ctx: database, input: { budget, table: entry.table, where } });
      const name = getTableName(entry.table);
      counts[name] = (counts[name] ?? 0) + progress.deleted;
      if (!progress.done) return { done: false, counts };
    }
  }
  if (tenantId) {
    const archive = await eraseTenantArchive({ ctx, input: { tenantId, budget } });
    counts.event_archive = (counts.event_archive ?? 0) + archive.deleted;
    if (!archive.done) return { done: false, counts };
  }
  const owner = tenantId ? or(eq(p.tenantId, tenantId), eq(p.shopDomain, shopDomain))! : eq(p.shopDomain, shopDomain);
  counts.exports = await deleteExports(ctx, owner, budget);
  if (tenantId) {
    useQuery(budget);
    await tenantObject(ctx.env, tenantId).eraseAll();
    // The directory entry goes last, with the tenant: until then a resumed run still finds the tenant's shard.
    await ctx.db.batch([ctx.db.delete(tenantShardsTable).where(eq(tenantShardsTable.tenantId, tenantId)), ctx.db.delete(tenantsTable).where(eq(tenantsTable.id, tenantId))]);
    forgetTenantShard(tenantId);
  }
  // Last, since the request row itself loses its shop and tenant here: what remains is proof without identity.
  const scrubbed = `${REDACTED_SHOP_PREFIX}${await shopHash(ctx.config.TOKEN_ENCRYPTION_KEY, shopDomain)}`;
  const now = new Date();
  const deletedAt = sql`case when ${p.export} is null then null else json_set(${p.export}, '$.deletedAt', coalesce(json_extract(${p.export}, '$.deletedAt'), ${now.getTime()})) end`;
  useQuery(budget);
  await ctx.db.batch([
    ctx.db
      .update(p)
      .set({ status: "completed", completedAt: now, updatedAt: now, result: { outcome: "covered by shop/redact" } })
      .where(and(owner, ne(p.id, input.requestId), ne(p.status, "completed"))),
    ctx.db.update(p).set({ tenantId: null, shopDomain: scrubbed, payload: {}, shopifyCustomerId: null, export: deletedAt }).where(owner),
  ]);
  return { done: true, counts };
}
