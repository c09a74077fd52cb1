import { env } from "cloudflare:workers";
import type { Plan } from "../../worker/db/schema/index.ts";
import { grantPlan } from "./grant-plan.ts";
import { hashServerKey, keyHint, newPublicKey, newServerKey } from "../../worker/services/keys/generate-key.ts";

export type SeededTenant = { tenantId: string; shop: string; slug: string; publicKey: string; publicKeyId: string; serverKey: string; serverKeyId: string };

/**
 * A fresh active tenant with its keys, written straight to D1: for tests of surfaces that only need a tenant
 * to exist, on Scale unless `plan` says otherwise. Tests of the install itself go through the real flow instead.
 */
export async function seedTenant(options: { shop?: string; status?: "installing" | "active" | "uninstalled"; plan?: Plan } = {}): Promise<SeededTenant> {
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
    env.DB.prepare("insert into tenant_shards (tenant_id, shard, updated_at) values (?, 'DB', ?)").bind(tenantId, now),
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
