import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { PRIVACY_CLASSIFICATION } from "../../../worker/db/privacy-classification.ts";
import * as schema from "../../../worker/db/schema/index.ts";

const schemaTables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
const nameOf = (table: SQLiteTable) => getTableConfig(table).name;

// The control plane as docs/storage.md lists it: a table moves plane only with that page, the routing and this list.
const CONTROL = [
  "api_keys",
  "billing_subscriptions",
  "billing_trials",
  "connect_links",
  "dead_letters",
  "ingest_payloads",
  "privacy_requests",
  "shard_write_times",
  "shop_credentials",
  "shop_tombstones",
  "tenant_moves",
  "tenant_shards",
  "tenant_tombstones",
  "tenants",
];

describe("planes of the D1 schema", () => {
  it("puts every table in one plane, the control plane holding exactly the documented tables", () => {
    const planes = new Map(PRIVACY_CLASSIFICATION.map((entry) => [nameOf(entry.table), entry.plane]));
    expect(schemaTables.filter((table) => !planes.has(nameOf(table))).map(nameOf)).toEqual([]);
    expect([...planes].filter(([, plane]) => plane !== "control" && plane !== "data")).toEqual([]);
    expect([...planes].filter(([, plane]) => plane === "control").map(([name]) => name).toSorted()).toEqual(CONTROL);
  });

  it("gives every data-plane table a tenant_id column, so the tenant's context can scope and route each row", () => {
    const data = PRIVACY_CLASSIFICATION.filter((entry) => entry.plane === "data").map((entry) => entry.table);
    const unscoped = data.filter((table) => !getTableConfig(table).columns.some((column) => column.name === "tenant_id")).map(nameOf);
    expect(unscoped).toEqual([]);
  });
});
