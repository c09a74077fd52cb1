import { env } from "cloudflare:workers";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { dataShardNames } from "../../worker/context/deps.ts";
import { placeTenant } from "../../worker/services/tenants/place-tenant.ts";
import type { Plan } from "../../worker/db/schema/index.ts";
import { grantPlan } from "./grant-plan.ts";
import { hashServerKey, keyHint, newPublicKey, newServerKey } from "../../worker/services/keys/generate-key.ts";

export type SeededTenant = { tenantId: string; shop: string; slug: string; publicKey: string; publicKeyId: string; serverKey: string; serverKeyId: string };

const dialect = new SQLiteAsyncDialect();

/** The directory entry of a seeded tenant: on `shard`, else where the app places a new tenant (a data shard, never DB). */
function directoryEntry(tenantId: string, shard: string | undefined, now: number): D1PreparedStatement {
  if (shard) return env.DB.prepare("insert into tenant_shards (tenant_id, shard, updated_at) values (?, ?, ?)").bind(tenantId, shard, now);
  const placed = dialect.sqlToQuery(placeTenant({ tenantId, shards: dataShardNames(env), now }));
  return env.DB.prepare(placed.sql).bind(...placed.params);
}

/**
 * A fresh active tenant with its keys, written straight to D1: for tests of surfaces that only need a tenant
 * to exist, on Scale unless `plan` says otherwise, on the data shard the app would place it on unless `shard` names
 * one (`DB` for a tenant from before sharding). Tests of the install itself go through the real flow instead.
 */
export async function seedTenant(
  options: { shop?: string; status?: "installing" | "active" | "uninstalled"; plan?: Plan; shard?: string } = {},
): Promise<SeededTenant> {
  const suffix = crypto.randomUUID().slice(0, 8);
  const shop = options.shop ?? `test-${suffix}.myshopify.com`;
  const slug = `${shop.split(".")[0]}-${suffix}`;
  const tenantId = `ten_test_${suffix}`;
  const now = Date.now();
  const publicKey = newPublicKey();
  const serverKey = newServerKey();
  const publicKeyId = `key_pub_${suffix}`;
  const serverKeyId = `key_srv_${suffix}`;
  await env.DB.batch([
    env.DB.prepare(
      "insert into tenants (id, slug, shop_domain, status, granted_scopes, installed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    ).bind(tenantId, slug, shop, options.status ?? "active", "", now, now, now),
    directoryEntry(tenantId, options.shard, now),
    env.DB.prepare("insert into api_keys (id, tenant_id, kind, public_key, hint, created_at) values (?, ?, 'public', ?, ?, ?)").bind(
      publicKeyId,
      tenantId,
      publicKey,
      keyHint(publicKey),
      now,
    ),
    env.DB.prepare("insert into api_keys (id, tenant_id, kind, secret_hash, hint, created_at) values (?, ?, 'server', ?, ?, ?)").bind(
      serverKeyId,
      tenantId,
      await hashServerKey(serverKey),
      keyHint(serverKey),
      now,
    ),
  ]);
  await grantPlan(tenantId, options.plan ?? "scale");
  return { tenantId, shop, slug, publicKey, publicKeyId, serverKey, serverKeyId };
}
