import { and, isNull, sql } from "drizzle-orm";
import type { IngestMessage } from "../../../queues/messages.ts";
import { apiKeysTable, deliveriesTable, ingestPayloadsTable, quarantineTable, tenantsTable } from "../../db/schema/index.ts";
import type { Deps } from "../../context/deps.ts";

export type QuarantineRecord = typeof quarantineTable.$inferSelect;

/** What the consumer reads before planning a batch, all at once. */
export type IngestLookups = {
  tenantIdByShop: Map<string, string>;
  seenDeliveries: Set<string>;
  activeKeyIds: Set<string>;
  payloads: Map<string, string>;
  quarantine: Map<string, QuarantineRecord>;
};

const inJson = (column: unknown, values: string[]) => sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;

export async function loadIngestLookups(args: { ctx: Deps; input: { messages: readonly IngestMessage[] } }): Promise<IngestLookups> {
  const { ctx, input } = args;
  const { messages } = input;
  const shops = new Set<string>();
  const deliveryKeys: string[] = [];
  const keyIds = new Set<string>();
  const payloadIds: string[] = [];
  const quarantineIds: string[] = [];
  for (const message of messages) {
    if (message.type === "webhook") {
      shops.add(message.shop);
      deliveryKeys.push(message.deliveryKey);
      if (message.payloadId) payloadIds.push(message.payloadId);
    } else if (message.type === "pixel") keyIds.add(message.keyId);
    else if (message.type === "replay") quarantineIds.push(message.quarantineId);
  }
  const { db } = ctx;
  // Only the lookups this batch needs: a pixel-only batch reads api_keys and nothing else.
  const [tenants, seen, keys, payloads, quarantined] = await Promise.all([
    shops.size > 0 ? db.select({ id: tenantsTable.id, shop: tenantsTable.shopDomain }).from(tenantsTable).where(inJson(tenantsTable.shopDomain, [...shops])) : [],
    deliveryKeys.length > 0 ? db.select({ key: deliveriesTable.key }).from(deliveriesTable).where(inJson(deliveriesTable.key, deliveryKeys)) : [],
    keyIds.size > 0 ? db.select({ id: apiKeysTable.id }).from(apiKeysTable).where(and(inJson(apiKeysTable.id, [...keyIds]), isNull(apiKeysTable.revokedAt))) : [],
    payloadIds.length > 0 ? db.select({ id: ingestPayloadsTable.id, body: ingestPayloadsTable.body }).from(ingestPayloadsTable).where(inJson(ingestPayloadsTable.id, payloadIds)) : [],
    quarantineIds.length > 0 ? db.select().from(quarantineTable).where(inJson(quarantineTable.id, quarantineIds)) : [],
  ]);
  return {
    tenantIdByShop: new Map(tenants.flatMap((row) => (row.shop ? [[row.shop, row.id] as const] : []))),
    seenDeliveries: new Set(seen.map((row) => row.key)),
    activeKeyIds: new Set(keys.map((row) => row.id)),
    payloads: new Map(payloads.map((row) => [row.id, row.body])),
    quarantine: new Map(quarantined.map((row) => [row.id, row])),
  };
}
