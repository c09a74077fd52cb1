import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import type { TenantObject } from "../../durable-objects/tenant-object.ts";
import { tenantObject } from "../../worker/context/tenant-object.ts";
import { PRIVACY_CLASSIFICATION } from "../../worker/db/privacy-classification.ts";
import { allDataDbs, CONTROL_TABLES, firstInAnyDb } from "./tenant-db.ts";
import { waitFor } from "./wait-for.ts";
import { consumeIngestBatch, webhookMessage } from "./ingest-queue.ts";
import { sendDelivery } from "./webhook-requests.ts";
import type { SimClient } from "./simulator-client.ts";

export type PrivacyRequestRow = {
  id: string;
  tenant_id: string | null;
  shop_domain: string;
  kind: string;
  status: string;
  shopify_customer_id: string | null;
  payload: string;
  export: string | null;
  result: string | null;
  failures: number;
  last_error: string | null;
};

/**
 * A privacy request by its id, from whichever database holds it: after shop/redact the tenant's directory entry is
 * gone, so its shard can no longer be looked up, and a request for an unknown shop has no tenant at all.
 */
export const requestRow = (id: string) => firstInAnyDb<PrivacyRequestRow>("select * from privacy_requests where id = ?", id);

/** Sends a compliance webhook the way Shopify does (the simulator signs it) and answers the request it recorded. */
export async function sendCompliance(sim: SimClient, shop: string, topic: "customers/data_request" | "customers/redact" | "shop/redact", customerId?: string) {
  const { deliveries } = await sim.compliance(shop, { topic, ...(customerId ? { customerId } : {}) });
  const delivery = deliveries[0]!;
  const response = await sendDelivery(delivery);
  if (response.status !== 200) throw new Error(`compliance webhook answered ${response.status}`);
  return { requestId: `prv_webhook_${delivery.id}`, delivery };
}

/** Waits until the privacy queue has carried the request out. */
export const waitForCompleted = (requestId: string, timeoutMs = 30_000) =>
  waitFor(async () => {
    const row = await requestRow(requestId);
    return row?.status === "completed" ? row : null;
  }, { what: `privacy request ${requestId} to complete`, timeoutMs: timeoutMs });

export type Match = { table: string; column: string; needle: string };

/**
 * Every column of every table the schema has (from the privacy classification, so no table is left out), in the
 * control database and every data shard.
 */
export async function findInDatabase(needles: readonly string[]): Promise<Match[]> {
  const lowered = needles.map((needle) => needle.toLowerCase());
  const matches: Match[] = [];
  for (const { table } of PRIVACY_CLASSIFICATION) {
    const name = getTableConfig(table).name;
    const dbs = CONTROL_TABLES.has(name) ? [env.DB] : allDataDbs();
    const results = (await Promise.all(dbs.map((db) => db.prepare(`select * from ${name}`).all<Record<string, unknown>>()))).flatMap((answer) => answer.results);
    for (const row of results) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        const text = String(value).toLowerCase();
        for (const needle of lowered) if (text.includes(needle)) matches.push({ table: name, column, needle });
      }
    }
  }
  return matches;
}

/**
 * Rows per table that belong to a tenant (tenant_id) or name its shop (shop_domain, used_by_shop). Data tables are
 * counted in every shard: after shop/redact the directory no longer names the tenant's, and nothing may be left anywhere.
 */
export async function rowsOfTenant(tenantId: string, shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table } of PRIVACY_CLASSIFICATION) {
    const config = getTableConfig(table);
    const owners = config.columns.filter((column) => ["tenant_id", "shop_domain", "used_by_shop"].includes(column.name) || (config.name === "tenants" && column.name === "id"));
    if (owners.length === 0) continue;
    const where = owners.map((column) => `${column.name} = ?`).join(" or ");
    const values = owners.map((column) => (column.name === "tenant_id" || column.name === "id" ? tenantId : shop));
    const dbs = CONTROL_TABLES.has(config.name) ? [env.DB] : allDataDbs();
    const rows = await Promise.all(dbs.map((db) => db.prepare(`select count(*) n from ${config.name} where ${where}`).bind(...values).first<{ n: number }>()));
    const n = rows.reduce((sum, row) => sum + row!.n, 0);
    if (n > 0) counts[config.name] = n;
  }
  return counts;
}

export type ObjectStorage = { keys: Record<string, unknown>; tables: Record<string, Record<string, unknown>[]>; alarm: number | null };

/** Everything in a tenant's Durable Object: KV keys with their values, every SQLite table with its rows, the alarm. */
export function objectStorage(tenantId: string): Promise<ObjectStorage> {
  return runInDurableObject(tenantObject(env, tenantId), async (_instance: TenantObject, state) => {
    const keys = Object.fromEntries(await state.storage.list());
    const names = state.storage.sql
      .exec<{ name: string }>("select name from sqlite_master where type = 'table' and name not like '_cf_%' and name not like 'sqlite_%'")
      .toArray()
      .map((row) => row.name);
    const tables = Object.fromEntries(names.map((name) => [name, state.storage.sql.exec(`select * from ${name}`).toArray() as Record<string, unknown>[]]));
    return { keys, tables, alarm: await state.storage.getAlarm() };
  });
}

/** Lines staged as an in-flight backfill would have them, straight into the Durable Object's SQLite. */
export function stageLines(tenantId: string, lines: { id: string; parentId: string | null; line: string }[]): Promise<void> {
  return runInDurableObject(tenantObject(env, tenantId), (_instance: TenantObject, state) => {
    state.storage.sql.exec("create table if not exists staged_lines (seq integer primary key, id text, parent_id text, line text not null)");
    for (const line of lines) state.storage.sql.exec("insert into staged_lines (id, parent_id, line) values (?, ?, ?)", line.id, line.parentId, line.line);
  });
}

export type TestPerson = { email: string; firstName: string; lastName: string; phone: string; address1: string };

/** A distinctive person: names and values that appear nowhere else in the test database. */
export function testPerson(tag: string): TestPerson {
  const unique = crypto.randomUUID().slice(0, 8);
  return {
    email: `${tag.toLowerCase()}.${unique}@privacy.example`,
    firstName: `Zerubbabel${tag}`,
    lastName: `Quixotica${unique}`,
    phone: `+1613555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`,
    address1: `${unique} Evergreen Terrace`,
  };
}

/** A customer of `shop` in the simulator (so compliance webhooks can name it) and ingested by SegOps from customers/create. */
export async function ingestCustomer(sim: SimClient, shop: string, who: TestPerson): Promise<string> {
  const { customer } = await sim.createCustomer(shop, { ...who, emit: false });
  const at = new Date().toISOString();
  const payload = {
    id: Number(customer.id),
    email: who.email,
    phone: who.phone,
    first_name: who.firstName,
    last_name: who.lastName,
    tags: "",
    default_address: { address1: who.address1, country_code: "GB" },
    created_at: at,
    updated_at: at,
  };
  const { result } = await consumeIngestBatch([webhookMessage(shop, "customers/create", JSON.stringify(payload))]);
  if (result.retryMessages.length > 0) throw new Error("customers/create was not ingested");
  return customer.id;
}
