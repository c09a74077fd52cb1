import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { createDeps } from "../../../../worker/context/deps.ts";
import { dataShardNames } from "../../../../worker/context/deps.ts";
import { createDb } from "../../../../worker/db/client.ts";
import { findOrCreateTenant } from "../../../../worker/services/tenants/create-tenant.ts";
import { measureShardSizes } from "../../../../worker/services/tenants/measure-shard-sizes.ts";
import { placeTenant, SIZE_STEP_BYTES } from "../../../../worker/services/tenants/place-tenant.ts";
import { unreachableD1 } from "../../../helpers/faulty-d1.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";

// Shard names no binding has, unique to this run: the counts the rule sees are the ones each test writes.
const run = crypto.randomUUID().slice(0, 6);
const shards = (...numbers: number[]) => numbers.map((n) => `SHARD_${n}${run.replace(/\D/g, "1")}`);
const written: string[] = [];

async function place(tenantId: string, names: readonly string[], sizes?: ReadonlyMap<string, number | null>): Promise<string | undefined> {
  written.push(tenantId);
  await createDb(env.DB).run(placeTenant({ tenantId, shards: names, sizes, now: Date.now() }));
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

  it("chooses the smaller database first, in steps of 256 MB, and counts entries only between shards in the same step", async () => {
    const [big, small] = shards(1, 2);
    await fill(small!, 4);
    const sizes = new Map([[big!, 3 * SIZE_STEP_BYTES + 10], [small!, 2 * SIZE_STEP_BYTES]]);
    expect(await place(newTenantId(), [big!, small!], sizes)).toBe(small);
    // Within one step, the fewer entries win, as without sizes.
    const close = new Map([[big!, 2 * SIZE_STEP_BYTES + 5_000_000], [small!, 2 * SIZE_STEP_BYTES]]);
    expect(await place(newTenantId(), [big!, small!], close)).toBe(big);
  });

  it("places on a shard that did not answer only when none did", async () => {
    const [down, up] = shards(1, 2);
    await fill(up!, 3);
    expect(await place(newTenantId(), [down!, up!], new Map([[down!, null], [up!, 5 * SIZE_STEP_BYTES]]))).toBe(up);
    expect(await place(newTenantId(), [down!, up!], new Map([[down!, null], [up!, null]]))).toBe(down);
  });

  it("measures each data shard's size from D1, and reports one that does not answer as unmeasured", async () => {
    const measured = await measureShardSizes({ ctx: serviceDeps(), input: { shards: ["SHARD_1", "SHARD_2"] } });
    expect(measured.get("SHARD_1")).toBeGreaterThan(0);
    expect(measured.get("SHARD_2")).toBeGreaterThan(0);
    const base = serviceDeps();
    const partial = await measureShardSizes({ ctx: createDeps({ ...env, SHARD_2: unreachableD1(env.SHARD_2) }, base.config, base.log), input: { shards: ["SHARD_1", "SHARD_2"] } });
    expect(partial.get("SHARD_1")).toBeGreaterThan(0);
    expect(partial.get("SHARD_2")).toBeNull();
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
