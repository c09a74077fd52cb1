import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { PRIVACY_CLASSIFICATION } from "../../../../worker/db/privacy-classification.ts";
import * as schema from "../../../../worker/db/schema/index.ts";
import { MOVE_TABLES } from "../../../../worker/services/shards/move-tables.ts";

const schemaTables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable)).map((table) => getTableConfig(table));
const planeOf = new Map(PRIVACY_CLASSIFICATION.map((entry) => [getTableConfig(entry.table).name, entry.plane]));
const moved = new Set(MOVE_TABLES.map((table) => table.name));

describe("the tables a tenant move carries", () => {
  it("are every table of the schema with a tenant column, except those its classification keeps on the control plane", () => {
    const tenantTables = schemaTables.filter((table) => table.columns.some((column) => column.name === "tenant_id")).map((table) => table.name);
    const leftBehind = tenantTables.filter((name) => !moved.has(name) && planeOf.get(name) !== "control");
    expect(leftBehind, "data tables a move would leave on the old shard").toEqual([]);
    expect([...moved].filter((name) => planeOf.get(name) !== "data"), "control tables a move would copy").toEqual([]);
    // The two that a hand-kept list once left behind: a moved tenant lost its pixel settings and its month's count.
    expect([...moved]).toEqual(expect.arrayContaining(["tenant_settings", "usage_counters", "profiles", "events", "orders", "quarantine"]));
  });

  it("are copied by their whole primary key and every column, in schema order", () => {
    for (const table of schemaTables.filter((t) => moved.has(t.name))) {
      const move = MOVE_TABLES.find((candidate) => candidate.name === table.name)!;
      expect(move.columns, table.name).toEqual(table.columns.map((column) => column.name));
      expect(move.key.length, `${table.name} has a primary key`).toBeGreaterThan(0);
      expect(move.tenantColumn, table.name).toBe("tenant_id");
    }
  });
});
