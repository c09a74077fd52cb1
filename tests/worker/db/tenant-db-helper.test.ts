import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { allDataDbs, firstInAnyDb, tenantDb } from "../../helpers/tenant-db.ts";

/** Runs `body` with a directory entry placing `tenantId` on `shard`, and takes the entry away after. */
async function placed(tenantId: string, shard: string, body: () => Promise<void>): Promise<void> {
  await env.DB.prepare("INSERT INTO tenant_shards (tenant_id, shard, updated_at) VALUES (?, ?, ?)").bind(tenantId, shard, Date.now()).run();
  try {
    await body();
  } finally {
    await env.DB.prepare("DELETE FROM tenant_shards WHERE tenant_id = ?").bind(tenantId).run();
  }
}

const newTenantId = () => `ten_dbhelper_${crypto.randomUUID().slice(0, 8)}`;

describe("the tests' way to a tenant's database", () => {
  it("follows the tenant's directory entry to its shard", async () => {
    const tenantId = newTenantId();
    await placed(tenantId, "SHARD_2", async () => expect(await tenantDb(tenantId)).toBe(env.SHARD_2));
    await placed(tenantId, "DB", async () => expect(await tenantDb(tenantId)).toBe(env.DB));
  });

  it("answers the control database for a tenant with no entry yet", async () => {
    expect(await tenantDb(newTenantId())).toBe(env.DB);
  });

  it("refuses an entry naming a binding the test worker does not have", async () => {
    const tenantId = newTenantId();
    await placed(tenantId, "SHARD_9", async () => {
      await expect(tenantDb(tenantId)).rejects.toThrow(`tenant ${tenantId} is on SHARD_9`);
    });
  });

  it("spans the control database and every shard, and finds a row in whichever holds it", async () => {
    expect(allDataDbs()).toEqual([env.DB, env.SHARD_1, env.SHARD_2]);
    const tenantId = newTenantId();
    const id = `prv_dbhelper_${crypto.randomUUID()}`;
    await env.SHARD_2.prepare(
      "INSERT INTO privacy_requests (id, tenant_id, shop_domain, kind, status, payload, received_at, due_at, updated_at) VALUES (?, ?, 'x.myshopify.com', 'shop_redact', 'completed', '{}', 1, 2, 1)",
    )
      .bind(id, tenantId)
      .run();
    try {
      expect(await firstInAnyDb("SELECT tenant_id FROM privacy_requests WHERE id = ?", id)).toEqual({ tenant_id: tenantId });
      expect(await firstInAnyDb("SELECT tenant_id FROM privacy_requests WHERE id = ?", `${id}-none`)).toBeNull();
    } finally {
      await env.SHARD_2.prepare("DELETE FROM privacy_requests WHERE id = ?").bind(id).run();
    }
  });
});
