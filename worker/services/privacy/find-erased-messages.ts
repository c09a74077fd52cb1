import { sql } from "drizzle-orm";
import { forTenant, type Deps, type TenantContext } from "../../context/deps.ts";
import { TenantDirectoryError } from "../../context/tenant-directory.ts";
import { tenantsTable } from "../../db/schema/index.ts";
import { findTenantsWithRedactions, loadRedactionProbe, type RedactionProbe } from "./find-redacted-subjects.ts";
import { isTombstoned, loadTombstones } from "./load-tombstones.ts";
import type { Subject } from "./subject-hash.ts";
import { subjectsInPayload, subjectsInText } from "./subjects-in-payload.ts";

type Fields = { tenantId?: unknown; shop?: unknown; receivedAt?: unknown; topic?: unknown; body?: unknown };

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** What a queued message's body says about whom it concerns: its tenant or shop, and the customer identifiers in it. */
function readMessage(body: unknown) {
  const fields = (body && typeof body === "object" ? body : {}) as Fields;
  const subjects: Subject[] = subjectsInPayload(body);
  const raw = text(fields.body);
  if (raw) subjects.push(...subjectsInText(raw, text(fields.topic)));
  return {
    tenantId: text(fields.tenantId),
    shop: text(fields.shop),
    receivedAt: typeof fields.receivedAt === "number" ? fields.receivedAt : undefined,
    subjects,
  };
}

/** A tenant's context for reading its redactions; null for a tenant with no directory entry (erased: tombstoned). */
async function readContext(ctx: Deps, tenantId: string): Promise<TenantContext | null> {
  try {
    return await forTenant(ctx, tenantId, { access: "read" });
  } catch (error) {
    if (error instanceof TenantDirectoryError) return null;
    throw error;
  }
}

/**
 * Which identifiers of these tenants belong to redacted customers, asked of each tenant's shard: shards hold the
 * redactions (`redacted_subjects`), and only tenants that have any are hashed and looked up.
 */
async function loadShardedRedactionProbe(ctx: Deps, subjects: readonly (Subject & { tenantId: string })[]): Promise<RedactionProbe> {
  const byShard = new Map<string, { shard: TenantContext; tenantIds: Set<string> }>();
  for (const tenantId of new Set(subjects.map((subject) => subject.tenantId))) {
    const tenant = await readContext(ctx, tenantId);
    if (!tenant) continue;
    const group = byShard.get(tenant.shard) ?? { shard: tenant, tenantIds: new Set<string>() };
    group.tenantIds.add(tenantId);
    byShard.set(tenant.shard, group);
  }
  const probes = new Map<string, RedactionProbe>();
  await Promise.all(
    [...byShard.values()].map(async ({ shard, tenantIds }) => {
      const withRedactions = await findTenantsWithRedactions({ ctx: shard, input: { tenantIds } });
      const probe = await loadRedactionProbe({ ctx: shard, input: { subjects: subjects.filter((subject) => withRedactions.has(subject.tenantId)) } });
      for (const tenantId of withRedactions) probes.set(tenantId, probe);
    }),
  );
  return (tenantId, kind, value) => probes.get(tenantId)?.(tenantId, kind, value) ?? false;
}

/**
 * Which of these queue message bodies must not be kept (as dead letters): those of an erased tenant or shop, and
 * those naming a customer their tenant redacted. Answers their positions.
 */
export async function findErasedMessages(args: { ctx: Deps; input: { bodies: readonly unknown[] } }): Promise<Set<number>> {
  const { ctx, input } = args;
  const messages = input.bodies.map(readMessage);
  const shops = messages.flatMap((message) => (message.shop ? [message.shop] : []));
  const tenantIds = messages.flatMap((message) => (message.tenantId ? [message.tenantId] : []));
  if (shops.length === 0 && tenantIds.length === 0) return new Set();
  const [tombstones, shopTenants] = await Promise.all([
    loadTombstones({ ctx, input: { tenantIds, shops } }),
    shops.length > 0
      ? ctx.db.all<{ id: string; shop: string }>(sql`select ${tenantsTable.id} as id, ${tenantsTable.shopDomain} as shop from ${tenantsTable}
          where ${tenantsTable.shopDomain} in (select value from json_each(${JSON.stringify(shops)}))`)
      : [],
  ]);
  const tenantOfShop = new Map(shopTenants.map((row) => [row.shop, row.id]));
  const owned = messages.map((message) => ({ ...message, owner: message.tenantId ?? (message.shop ? tenantOfShop.get(message.shop) : undefined) ?? null }));
  const subjects = owned.flatMap((message) => (message.owner ? message.subjects.map((s) => ({ ...s, tenantId: message.owner! })) : []));
  const redacted = await loadShardedRedactionProbe(ctx, subjects);
  const erased = new Set<number>();
  owned.forEach((message, i) => {
    const shopHasTenant = message.shop ? tenantOfShop.has(message.shop) : undefined;
    if (isTombstoned(tombstones, { tenantId: message.tenantId, shop: message.shop, receivedAt: message.receivedAt, shopHasTenant })) erased.add(i);
    else if (message.owner && message.subjects.some((s) => redacted(message.owner!, s.kind, s.value))) erased.add(i);
  });
  return erased;
}

/** Tenants among these that shop/redact erased: their queued work is dropped. */
export async function findErasedTenants(args: { ctx: Deps; input: { tenantIds: Iterable<string> } }): Promise<Set<string>> {
  return (await loadTombstones({ ctx: args.ctx, input: { tenantIds: args.input.tenantIds, shops: [] } })).tenants;
}
