import { and, isNull } from "drizzle-orm";
import type { IngestMessage } from "../../../queues/messages.ts";
import { apiKeysTable, deliveriesTable, ingestPayloadsTable, quarantineTable, tenantsTable } from "../../db/schema/index.ts";
import { inJsonValues } from "../../db/sql-json.ts";
import type { Deps } from "../../context/deps.ts";
import type { Db } from "../../db/client.ts";
import { findTenantsWithRedactions, loadTombstones, type Tombstones } from "../privacy/index.ts";
import { findTenantsOverEventLimit, type EventLimitState } from "../billing/find-tenants-over-event-limit.ts";

export type QuarantineRecord = typeof quarantineTable.$inferSelect;

/** What the consumer reads before planning a batch, all at once. */
export type IngestLookups = {
  tenantIdByShop: Map<string, string>;
  /** When each tenant of the batch's shops last installed (ms), to ignore an uninstall Shopify triggered before it. */
  installedAtByTenant: Map<string, number>;
  seenDeliveries: Set<string>;
  activeKeyIds: Set<string>;
  payloads: Map<string, string>;
  quarantine: Map<string, QuarantineRecord>;
  /** Pixel tenants past their plan's events for the month: their storefront browsing events are not stored. */
  overEventLimit: ReadonlyMap<string, EventLimitState>;
  /** Erased tenants and shops: their messages are dropped, never written nor quarantined. */
  tombstones: Tombstones;
  /** Tenants that redacted a customer: only their plans are checked for rows about one. */
  tenantsWithRedactions: Set<string>;
};


/** The control database's lookups for a batch: which tenant each shop is, keys, spilled bodies, tombstones. */
export type ControlLookups = Pick<IngestLookups, "tenantIdByShop" | "installedAtByTenant" | "activeKeyIds" | "payloads" | "tombstones">;

type Wanted = { shops: Set<string>; deliveryKeys: string[]; keyIds: Set<string>; pixelTenants: Set<string>; payloadIds: string[]; quarantineIds: string[]; tenantIds: Set<string> };

function wantedBy(messages: readonly IngestMessage[]): Wanted {
  const wanted: Wanted = { shops: new Set(), deliveryKeys: [], keyIds: new Set(), pixelTenants: new Set(), payloadIds: [], quarantineIds: [], tenantIds: new Set() };
  for (const message of messages) {
    if (message.type === "webhook") {
      wanted.shops.add(message.shop);
      wanted.deliveryKeys.push(message.deliveryKey);
      if (message.payloadId) wanted.payloadIds.push(message.payloadId);
    } else if (message.type === "pixel") {
      wanted.keyIds.add(message.keyId);
      wanted.pixelTenants.add(message.tenantId);
      wanted.tenantIds.add(message.tenantId);
    } else if (message.type === "quarantine") {
      if (message.tenantId) wanted.tenantIds.add(message.tenantId);
      if (message.shop) wanted.shops.add(message.shop);
    } else wanted.quarantineIds.push(message.quarantineId);
  }
  return wanted;
}

/** Read first, for the whole batch: it says which tenant, hence which shard, each message belongs to. */
export async function loadControlLookups(args: { ctx: Deps; input: { messages: readonly IngestMessage[] } }): Promise<ControlLookups> {
  const { ctx, input } = args;
  const { shops, keyIds, payloadIds, tenantIds } = wantedBy(input.messages);
  const { db } = ctx;
  const [tenants, keys, payloads, tombstones] = await Promise.all([
    shops.size > 0 ? db.select({ id: tenantsTable.id, shop: tenantsTable.shopDomain, installedAt: tenantsTable.installedAt }).from(tenantsTable).where(inJsonValues(tenantsTable.shopDomain, [...shops])) : [],
    keyIds.size > 0 ? db.select({ id: apiKeysTable.id }).from(apiKeysTable).where(and(inJsonValues(apiKeysTable.id, [...keyIds]), isNull(apiKeysTable.revokedAt))) : [],
    payloadIds.length > 0 ? db.select({ id: ingestPayloadsTable.id, body: ingestPayloadsTable.body }).from(ingestPayloadsTable).where(inJsonValues(ingestPayloadsTable.id, payloadIds)) : [],
    loadTombstones({ ctx, input: { tenantIds, shops } }),
  ]);
  return {
    tenantIdByShop: new Map(tenants.flatMap((row) => (row.shop ? [[row.shop, row.id] as const] : []))),
    installedAtByTenant: new Map(tenants.flatMap((row) => (row.installedAt ? [[row.id, row.installedAt.getTime()] as const] : []))),
    activeKeyIds: new Set(keys.map((row) => row.id)),
    payloads: new Map(payloads.map((row) => [row.id, row.body])),
    tombstones,
  };
}

/**
 * The lookups of the messages whose tenants share one shard, read on that shard (`db`) after the control lookups:
 * deliveries seen, quarantine rows replayed, redactions and the month's event counts. Only what the messages need.
 */
export async function loadShardLookups(args: { ctx: { db: Db; control: { db: Db } }; input: { messages: readonly IngestMessage[]; control: ControlLookups } }): Promise<IngestLookups> {
  const { ctx, input } = args;
  const { deliveryKeys, pixelTenants, quarantineIds, tenantIds, shops } = wantedBy(input.messages);
  for (const shop of shops) {
    const tenantId = input.control.tenantIdByShop.get(shop);
    if (tenantId) tenantIds.add(tenantId);
  }
  const { db } = ctx;
  const [seen, quarantined, tenantsWithRedactions, overEventLimit] = await Promise.all([
    deliveryKeys.length > 0 ? db.select({ key: deliveriesTable.key }).from(deliveriesTable).where(inJsonValues(deliveriesTable.key, deliveryKeys)) : [],
    quarantineIds.length > 0 ? db.select().from(quarantineTable).where(inJsonValues(quarantineTable.id, quarantineIds)) : [],
    findTenantsWithRedactions({ ctx, input: { tenantIds } }),
    findTenantsOverEventLimit({ ctx, input: { tenantIds: [...pixelTenants], now: Date.now() } }),
  ]);
  return {
    ...input.control,
    seenDeliveries: new Set(seen.map((row) => row.key)),
    quarantine: new Map(quarantined.map((row) => [row.id, row])),
    tenantsWithRedactions,
    overEventLimit,
  };
}
