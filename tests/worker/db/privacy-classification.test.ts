import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { CUSTOMER_REDACT_STEPS, OBJECT_STORES, PRIVACY_CLASSIFICATION, TENANT_OBJECT_STORAGE } from "../../../worker/db/privacy-classification.ts";
import * as schema from "../../../worker/db/schema/index.ts";

const schemaTables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
const entryOf = (table: SQLiteTable) => PRIVACY_CLASSIFICATION.find((entry) => entry.table === table);
const HOLDS_CUSTOMER_DATA = new Set(["link", "personal", "free"]);

describe("privacy classification of the D1 schema", () => {
  it("classifies every table exported by worker/db/schema, once", () => {
    const unclassified = schemaTables.filter((table) => !entryOf(table)).map((table) => getTableConfig(table).name);
    expect(unclassified, "tables with no entry in worker/db/privacy-classification.ts").toEqual([]);
    const names = PRIVACY_CLASSIFICATION.map((entry) => getTableConfig(entry.table).name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.toSorted()).toEqual(schemaTables.map((table) => getTableConfig(table).name).toSorted());
  });

  it.each(schemaTables.map((table) => [getTableConfig(table).name, table] as const))("classifies every column of %s", (_name, table) => {
    const entry = entryOf(table)!;
    const classified = Object.keys(entry.columns).map((key) => (table as unknown as Record<string, { name: string }>)[key]?.name);
    expect(classified.toSorted()).toEqual(getTableConfig(table).columns.map((column) => column.name).toSorted());
  });

  it("erases or anonymises every table that can hold customer data, and names a step that exists", () => {
    const kept = PRIVACY_CLASSIFICATION.filter(
      (entry) => entry.customerRedact.action === "keep" && Object.values(entry.columns).some((data) => HOLDS_CUSTOMER_DATA.has(data)),
    );
    expect(kept.map((entry) => getTableConfig(entry.table).name)).toEqual([]);
    const redactions = [...PRIVACY_CLASSIFICATION, ...TENANT_OBJECT_STORAGE, ...OBJECT_STORES].map((entry) => entry.customerRedact);
    const named = new Set(redactions.flatMap((redaction) => ("step" in redaction ? [redaction.step] : [])));
    expect([...named].toSorted()).toEqual([...CUSTOMER_REDACT_STEPS].toSorted());
  });

  it("has shop/redact delete every tenant-scoped table by a column of that table, unless it says why not", () => {
    for (const entry of PRIVACY_CLASSIFICATION) {
      const { shopRedact } = entry;
      const name = getTableConfig(entry.table).name;
      if (shopRedact.action !== "delete_rows") {
        expect((shopRedact.action === "scrub" ? shopRedact.how : shopRedact.why).length, name).toBeGreaterThan(20);
        continue;
      }
      const columns = getTableConfig(entry.table).columns;
      for (const column of [shopRedact.byTenant, shopRedact.byShop]) if (column) expect(columns, name).toContain(column);
      expect(shopRedact.byTenant ?? shopRedact.byShop, name).toBeDefined();
    }
  });
});
