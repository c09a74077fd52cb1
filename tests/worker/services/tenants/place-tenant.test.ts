import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { dataShardNames } from "../../../../worker/context/deps.ts";
import { createDb } from "../../../../worker/db/client.ts";
import { findOrCreateTenant } from "../../../../worker/services/tenants/create-tenant.ts";
import { placeTenant } from "../../../../worker/services/tenants/place-tenant.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";

// Shard names no binding has, unique to this run: the counts the rule sees are the ones each test writes.
const run = crypto.randomUUID().slice(0, 6);
const shards = (...numbers: number[]) => numbers.map((n) => `SHARD_${n}${run.replace(/\D/g, "1")}`);
const written: string[] = [];

async function place(tenantId: string, names: readonly string[]): Promise<string | undefined> {
  written.push(tenantId);
  await createDb(env.DB).run(placeTenant({ tenantId, shards: names, now: Date.now() }));
  const row = await env.DB.prepare("select shard from tenant_shards where tenant_id = ?").bind(tenantId).first<{ shard: string }>();
  return row?.shard;
}

async function fill(shard: string, entries: number): Promise<void> {
  for (let i = 0; i < entries; i++) {
    const tenantId = `ten_place_${crypto.randomUUID().slice(0, 12)}`;
    written.push(tenantId);
    await env.DB.prepare("insert into tenant_shards (tenant_id, shard, updated_at) values (?, ?, ?)").bind(tenantId, shard, Date.now()).run();
  }
}

const newTenantId = () => `ten_place_${crypto.randomUUID().slice(0, 12)}`;

afterEach(async () => {
  await env.DB.prepare("delete from tenant_shards where tenant_id in (select value from json_each(?))").bind(JSON.stringify(written.splice(0))).run();
});

describe("placing a new tenant", () => {
  it("breaks a tie between empty shards towards the first (the lowest number)", async () => {
    const [first, second, third] = shards(1, 2, 3);
    expect(await place(newTenantId(), [first!, second!, third!])).toBe(first);
  });

  it("chooses the shard with the fewest directory entries, and the lowest of those tied for fewest", async () => {
    const [one, two, three] = shards(1, 2, 3);
    await fill(one!, 3);
    await fill(two!, 1);
    await fill(three!, 1);
    expect(await place(newTenantId(), [one!, two!, three!])).toBe(two);
    // Now two holds 2, three 1: the next goes to three, then two and three tie again at 2 and the lower wins.
    expect(await place(newTenantId(), [one!, two!, three!])).toBe(three);
    expect(await place(newTenantId(), [one!, two!, three!])).toBe(two);
  });

  it("never places on a full shard while another has fewer entries, and counts only the shards it is given", async () => {
    const [full, empty] = shards(1, 2);
    await fill(full!, 5);
    const placed = await Promise.all([newTenantId(), newTenantId(), newTenantId()].map((id) => place(id, [full!, empty!])));
    expect(placed).toEqual([empty, empty, empty]);
  });

  it("leaves a tenant that has an entry where it is (a reinstall), even when another shard is now emptier", async () => {
    const [one, two] = shards(1, 2);
    const tenantId = newTenantId();
    expect(await place(tenantId, [one!, two!])).toBe(one);
    await fill(one!, 4);
    expect(await place(tenantId, [one!, two!])).toBe(one);
    const rows = await env.DB.prepare("select count(*) n from tenant_shards where tenant_id = ?").bind(tenantId).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it("puts a tenant created by an install on a data shard, never DB, and a second install of the shop keeps it there", async () => {
    const shop = `place-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
    const now = Date.now();
    const tenant = await findOrCreateTenant({ ctx: serviceDeps(), input: { shop, now } });
    const entry = await env.DB.prepare("select shard, state from tenant_shards where tenant_id = ?").bind(tenant.id).first<{ shard: string; state: string }>();
    expect(dataShardNames(env)).toEqual(["SHARD_1", "SHARD_2"]);
    expect(["SHARD_1", "SHARD_2"]).toContain(entry?.shard);
    expect(entry?.state).toBe("active");
    await env.DB.prepare("update tenants set status = 'uninstalled' where id = ?").bind(tenant.id).run();
    const again = await findOrCreateTenant({ ctx: serviceDeps(), input: { shop, now: now + 1 } });
    expect(again.id).toBe(tenant.id);
    expect(await env.DB.prepare("select shard from tenant_shards where tenant_id = ?").bind(tenant.id).first()).toEqual({ shard: entry?.shard });
  });
});
