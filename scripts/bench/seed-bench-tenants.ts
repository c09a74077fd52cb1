import { randomBytes } from "node:crypto";
import { queryLocalD1 } from "./local-d1.ts";

export type BenchTenant = { tenantId: string; shop: string; publicKey: string };

/**
 * Bench tenants written straight to local D1 (the install flow is not what is measured). Load is spread over many
 * keys because the collector rate-limits each key (600 per 10 s), as production would.
 */
export function seedBenchTenants(persistTo: string, count: number): BenchTenant[] {
  const now = Date.now();
  const tenants = Array.from({ length: count }, (_, i) => ({
    tenantId: `ten_bench_${i}`,
    shop: `bench-${i}.myshopify.com`,
    publicKey: `pk_bench_${randomBytes(12).toString("hex")}`,
  }));
  const statements = tenants.flatMap(({ tenantId, shop, publicKey }, i) => [
    `insert into tenants (id, slug, shop_domain, status, granted_scopes, installed_at, created_at, updated_at) values ('${tenantId}', 'bench-${i}', '${shop}', 'active', '', ${now}, ${now}, ${now})`,
    `insert into api_keys (id, tenant_id, kind, public_key, hint, created_at) values ('key_bench_${i}', '${tenantId}', 'public', '${publicKey}', 'pk_bench…', ${now})`,
  ]);
  queryLocalD1(persistTo, statements.join(";\n"));
  return tenants;
}

export async function handshakeAll(appUrl: string, tenants: BenchTenant[], runId: string): Promise<string[]> {
  return Promise.all(
    tenants.map(async (tenant, i) => {
      const res = await fetch(`${appUrl}/pixel/v1/handshake`, {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8" },
        body: JSON.stringify({ publicKey: tenant.publicKey, clientId: `bench-${runId}-${i}` }),
      });
      if (res.status !== 200) throw new Error(`handshake for ${tenant.tenantId} answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    }),
  );
}
