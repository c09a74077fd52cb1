import { and, isNull } from "drizzle-orm";
import type { IngestMessage } from "../../../queues/messages.ts";
import { apiKeysTable, deliveriesTable, ingestPayloadsTable, quarantineTable, tenantsTable } from "../../db/schema/index.ts";
import { inJsonValues } from "../../db/sql-json.ts";
import type { Deps } from "../../context/deps.ts";
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


export async function loadIngestLookups(args: { ctx: Deps; input: { messages: readonly IngestMessage[] } }): Promise<IngestLookups> {
  const { ctx, input } = args;
  const { messages } = input;
  const shops = new Set<string>();
  const deliveryKeys: string[] = [];
  const keyIds = new Set<string>();
  const pixelTenants = new Set<string>();
  const payloadIds: string[] = [];
  const quarantineIds: string[] = [];
  const tenantIds = new Set<string>();
  for (const message of messages) {
    if (message.type === "webhook") {
      shops.add(message.shop);
      deliveryKeys.push(message.deliveryKey);
      if (message.payloadId) payloadIds.push(message.payloadId);
    } else if (message.type === "pixel") {
      keyIds.add(message.keyId);
      pixelTenants.add(message.tenantId);
      tenantIds.add(message.tenantId);
    } else if (message.type === "quarantine") {
      if (message.tenantId) tenantIds.add(message.tenantId);
      if (message.shop) shops.add(message.shop);
    } else quarantineIds.push(message.quarantineId);
  }
  const { db } = ctx;
  const scope = { tenantIds, shops };
  // Only the lookups this batch needs: a pixel-only batch reads api_keys, its tenants' tombstones, plans and month's counts.
  const [tenants, seen, keys, payloads, quarantined, tombstones, tenantsWithRedactions, overEventLimit] = await Promise.all([
    shops.size > 0 ? db.select({ id: tenantsTable.id, shop: tenantsTable.shopDomain, installedAt: tenantsTable.installedAt }).from(tenantsTable).where(inJsonValues(tenantsTable.shopDomain, [...shops])) : [],
    deliveryKeys.length > 0 ? db.select({ key: deliveriesTable.key }).from(deliveriesTable).where(inJsonValues(deliveriesTable.key, deliveryKeys)) : [],
    keyIds.size > 0 ? db.select({ id: apiKeysTable.id }).from(apiKeysTable).where(and(inJsonValues(apiKeysTable.id, [...keyIds]), isNull(apiKeysTable.revokedAt))) : [],
    payloadIds.length > 0 ? db.select({ id: ingestPayloadsTable.id, body: ingestPayloadsTable.body }).from(ingestPayloadsTable).where(inJsonValues(ingestPayloadsTable.id, payloadIds)) : [],
    quarantineIds.length > 0 ? db.select().from(quarantineTable).where(inJsonValues(quarantineTable.id, quarantineIds)) : [],
    loadTombstones({ ctx, input: scope }),
    findTenantsWithRedactions({ ctx, input: scope }),
    findTenantsOverEventLimit({ ctx, input: { tenantIds: [...pixelTenants], now: Date.now() } }),
  ]);
  return {
    tenantIdByShop: new Map(tenants.flatMap((row) => (row.shop ? [[row.shop, row.id] as const] : []))),
    installedAtByTenant: new Map(tenants.flatMap((row) => (row.installedAt ? [[row.id, row.installedAt.getTime()] as const] : []))),
    seenDeliveries: new Set(seen.map((row) => row.key)),
    activeKeyIds: new Set(keys.map((row) => row.id)),
    payloads: new Map(payloads.map((row) => [row.id, row.body])),
    quarantine: new Map(quarantined.map((row) => [row.id, row])),
    tombstones,
    tenantsWithRedactions,
    overEventLimit,
  };
}
