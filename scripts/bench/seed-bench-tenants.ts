import { randomBytes } from "node:crypto";
import { queryLocalD1 } from "./local-d1.ts";
import { visitorOf } from "./visitors.ts";

export type BenchTenant = { tenantId: string; shop: string; publicKey: string };

/**
 * Bench tenants written straight to local D1 (the install flow is not what is measured). Load is spread over many
 * keys because the collector rate-limits each key (600 per 10 s), as production would. Each is on the Scale plan, so
 * the month's event quota is checked on every batch without refusing the bench's events. `shards` names each one's
 * shard (default `DB`): its directory entry is written with the tenant, before any of its data.
 */
export function seedBenchTenants(persistTo: string, count: number, options: { name?: string; shards?: string[] } = {}): BenchTenant[] {
  const now = Date.now();
  const name = options.name ?? "bench";
  const tenants = Array.from({ length: count }, (_, i) => ({
    tenantId: `ten_${name}_${i}`,
    shop: `${name}-${i}.myshopify.com`,
    publicKey: `pk_live_${randomBytes(16).toString("hex")}`,
  }));
  const statements = tenants.flatMap(({ tenantId, shop, publicKey }, i) => [
    `insert into tenants (id, slug, shop_domain, status, granted_scopes, installed_at, created_at, updated_at) values ('${tenantId}', '${name}-${i}', '${shop}', 'active', '', ${now}, ${now}, ${now})`,
    `insert into tenant_shards (tenant_id, shard, updated_at) values ('${tenantId}', '${options.shards?.[i] ?? "DB"}', ${now})`,
    `insert into api_keys (id, tenant_id, kind, public_key, hint, created_at) values ('key_${name}_${i}', '${tenantId}', 'public', '${publicKey}', 'pk_bench…', ${now})`,
    `insert into billing_subscriptions (tenant_id, shopify_subscription_gid, plan, status, status_at, test, trial_days, created_at, activated_at, updated_at) values ('${tenantId}', 'gid://shopify/AppSubscription/${name}-${i}', 'scale', 'ACTIVE', ${now}, 1, 0, ${now}, ${now}, ${now})`,
  ]);
  queryLocalD1(persistTo, statements.join(";\n"));
  return tenants;
}

/** One handshake per simulated visitor (`visitorOf`), from its own address, a few at a time: its pixel tokens. */
export async function handshakeVisitors(appUrl: string, tenants: BenchTenant[], runId: string, visitors: number): Promise<string[]> {
  const tokens: string[] = new Array(visitors);
  let next = 0;
  const worker = async () => {
    for (let v = next++; v < visitors; v = next++) {
      const visitor = visitorOf(v, runId, tenants.length);
      const res = await fetch(`${appUrl}/pixel/v1/handshake`, {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8", "cf-connecting-ip": visitor.ip },
        body: JSON.stringify({ publicKey: tenants[visitor.tenant]!.publicKey, clientId: visitor.clientId }),
      });
      if (res.status !== 200) throw new Error(`handshake of visitor ${v} answered ${res.status}: ${await res.text()}`);
      tokens[v] = ((await res.json()) as { token: string }).token;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return tokens;
}
