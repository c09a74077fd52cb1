import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

async function tableNames(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name")
    .all<{ name: string }>();
  return results.map((row) => row.name);
}

describe("the control database and the data shards", () => {
  it("are migrated with one history, so a tenant's tables exist wherever its directory entry points", async () => {
    const control = await tableNames(env.DB);
    expect(control).toContain("tenant_shards");
    expect(control).toContain("events");
    for (const shard of [env.SHARD_1, env.SHARD_2]) expect(await tableNames(shard)).toEqual(control);
  });
});
