import { sql } from "drizzle-orm";
import { alias, SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { renderOnce } from "../../../worker/db/render-once.ts";
import { profilesTable } from "../../../worker/db/schema/index.ts";
import { col, excluded } from "../../../worker/db/sql-names.ts";

const dialect = new SQLiteAsyncDialect();
const p = alias(profilesTable, "p");

describe("renderOnce", () => {
  it("gives the text and values that rendering the statement with its values in place gives", () => {
    const statement = (json: unknown, now: unknown) => sql`
      update ${profilesTable} set ${col(profilesTable.updatedAt)} = ${now}, ${col(profilesTable.email)} = ${excluded(profilesTable.email)}
      where ${profilesTable.id} in (select ${p.id} from json_each(${json}) j join ${profilesTable} ${p} on ${p.tenantId} = 'x')
        and ${profilesTable.createdAt} < ${now}`;
    const once = renderOnce<"json" | "now">((slot) => statement(slot("json"), slot("now")));
    for (const [json, now] of [["[1]", 5], ['["a?b"]', null]] as const) {
      expect(dialect.sqlToQuery(once({ json, now }))).toEqual(dialect.sqlToQuery(statement(json, now)));
    }
  });

  it("refuses a statement with a value bound in place, which every call would then repeat", () => {
    expect(() => renderOnce<"json">((slot) => sql`select ${slot("json")}, ${42}`)).toThrow(/bound in place/);
  });
});
