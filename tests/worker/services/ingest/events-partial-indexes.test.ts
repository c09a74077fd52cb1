import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { resolveAnonymousEvents } from "../../../../worker/services/ingest/write-identities.ts";
import { allDataDbs } from "../../../helpers/tenant-db.ts";

const dialect = new SQLiteAsyncDialect();

async function planOf(db: D1Database, statement: Parameters<typeof dialect.sqlToQuery>[0]): Promise<string> {
  const query = dialect.sqlToQuery(statement);
  const { results } = await db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).bind(...query.params).all<{ detail: string }>();
  return results.map((row) => row.detail).join("\n");
}

// Every database that can hold a tenant's events: the control database (tenants from before sharding) and each shard.
describe.each(allDataDbs().map((db, i) => [i, db] as const))("the partial indexes on events (database %i)", (_, db) => {
  it("leave out events without a visitor (server events) or without a profile (anonymous pixel events)", async () => {
    const definition = (name: string) => db.prepare("select sql from sqlite_master where type = 'index' and name = ?").bind(name).first<{ sql: string }>();
    expect((await definition("events_anonymous_idx"))?.sql).toMatch(/WHERE anonymous_id is not null$/);
    expect((await definition("events_profile_idx"))?.sql).toMatch(/WHERE profile_id is not null$/);
  });

  it("still serve the lookup that resolves a visitor's earlier events once it is linked", async () => {
    const [statement] = resolveAnonymousEvents([{ tenantId: "ten_partial", token: "checkout-token" }]);
    expect(await planOf(db, statement!)).toContain("events_anonymous_idx");
  });
});
