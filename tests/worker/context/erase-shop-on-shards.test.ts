import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetTenantShard } from "../../../worker/context/tenant-directory.ts";
import { eraseShop } from "../../../worker/services/privacy/redact/erase-shop.ts";
import { newWorkBudget } from "../../../worker/services/privacy/work-budget.ts";
import { orderBody } from "../../helpers/fault-counts.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../../helpers/pixel-collector.ts";
import { seedTenant, type SeededTenant } from "../../helpers/seed-tenant.ts";
import { serviceDeps } from "../../helpers/service-context.ts";

const TABLES = ["events", "deliveries", "orders", "profiles", "usage_counters"];

async function onShard2(): Promise<SeededTenant> {
  const tenant = await seedTenant();
  await env.DB.prepare("update tenant_shards set shard = 'SHARD_2' where tenant_id = ?").bind(tenant.tenantId).run();
  forgetTenantShard(tenant.tenantId);
  const clientId = crypto.randomUUID();
  const { result } = await consumeIngestBatch([pixelMessage(tenant, clientId, ownPixelEvents(clientId).slice(0, 3)), webhookMessage(tenant.shop, "orders/create", orderBody(3, 1))]);
  expect(result.explicitAcks).toHaveLength(2);
  return tenant;
}

async function rowsOn(db: D1Database, tenantId: string): Promise<number> {
  let total = 0;
  for (const table of TABLES) total += (await db.prepare(`select count(*) n from ${table} where tenant_id = ?`).bind(tenantId).first<{ n: number }>())!.n;
  return total;
}

describe("shop/redact of a tenant on a data shard", () => {
  it("erases its rows on its shard, then its directory entry and tenant row last, and leaves its shard neighbour whole", async () => {
    const erased = await onShard2();
    const neighbour = await onShard2();
    const neighbourRows = await rowsOn(env.SHARD_2, neighbour.tenantId);
    expect(await rowsOn(env.SHARD_2, erased.tenantId)).toBeGreaterThan(0);

    const slice = await eraseShop({
      ctx: serviceDeps(),
      input: { requestId: `pr_test_${crypto.randomUUID()}`, tenantId: erased.tenantId, shopDomain: erased.shop, uninstalledAt: Date.now(), budget: newWorkBudget() },
    });
    expect(slice.done).toBe(true);
    expect(slice.counts).toMatchObject({ events: expect.any(Number), orders: 1, profiles: 1 });
    expect(await rowsOn(env.SHARD_2, erased.tenantId)).toBe(0);
    expect(await rowsOn(env.DB, erased.tenantId)).toBe(0);
    expect(await env.DB.prepare("select count(*) n from tenant_shards where tenant_id = ?").bind(erased.tenantId).first()).toEqual({ n: 0 });
    expect(await env.DB.prepare("select count(*) n from tenants where id = ?").bind(erased.tenantId).first()).toEqual({ n: 0 });
    expect(await rowsOn(env.SHARD_2, neighbour.tenantId)).toBe(neighbourRows);
  });
});
