import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { retryMessage } from "../../../queues/run-messages.ts";
import { forgetTenantShard, TENANT_MOVING_RETRY_AFTER_S, TenantMovingError } from "../../../worker/context/tenant-directory.ts";
import { orderBody } from "../../helpers/fault-counts.ts";
import { consumeIngestBatch, pixelMessage, webhookMessage } from "../../helpers/ingest-queue.ts";
import { ownPixelEvents } from "../../helpers/pixel-collector.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { serviceDeps } from "../../helpers/service-context.ts";

const DATABASES = { DB: env.DB, SHARD_1: env.SHARD_1, SHARD_2: env.SHARD_2 } as const;
type Shard = keyof typeof DATABASES;

async function placeOn(tenantId: string, shard: Shard, state: "active" | "frozen" = "active"): Promise<void> {
  await env.DB.prepare("update tenant_shards set shard = ?, state = ? where tenant_id = ?").bind(shard, state, tenantId).run();
  forgetTenantShard(tenantId);
}

/** The tenant's rows of each data table the batch writes, per database. */
async function rowsOf(tenantId: string): Promise<Record<Shard, Record<string, number>>> {
  const tables = ["events", "deliveries", "orders", "profiles", "usage_counters"];
  const counts = async (db: D1Database) =>
    Object.fromEntries(
      await Promise.all(tables.map(async (table) => [table, (await db.prepare(`select count(*) n from ${table} where tenant_id = ?`).bind(tenantId).first<{ n: number }>())!.n] as const)),
    );
  return { DB: await counts(env.DB), SHARD_1: await counts(env.SHARD_1), SHARD_2: await counts(env.SHARD_2) };
}

const pixel = (tenant: { tenantId: string; publicKeyId: string }, events: number) => {
  const clientId = crypto.randomUUID();
  return pixelMessage(tenant, clientId, ownPixelEvents(clientId).slice(0, events));
};

const nothing = { events: 0, deliveries: 0, orders: 0, profiles: 0, usage_counters: 0 };

describe("ingest across shards", () => {
  it("writes one batch's tenants each to its own shard, and nothing of theirs to the control database", async () => {
    const first = await seedTenant();
    const second = await seedTenant();
    await placeOn(first.tenantId, "SHARD_1");
    await placeOn(second.tenantId, "SHARD_2");
    const { result } = await consumeIngestBatch([
      pixel(first, 3),
      pixel(second, 2),
      webhookMessage(first.shop, "orders/create", orderBody(1, 1)),
      webhookMessage(second.shop, "orders/create", orderBody(2, 1)),
    ]);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(4);

    const firstRows = await rowsOf(first.tenantId);
    expect(firstRows.DB).toEqual(nothing);
    expect(firstRows.SHARD_2).toEqual(nothing);
    expect(firstRows.SHARD_1).toMatchObject({ deliveries: 1, orders: 1, profiles: 1, usage_counters: 1 });
    expect(firstRows.SHARD_1.events).toBeGreaterThanOrEqual(4);

    const secondRows = await rowsOf(second.tenantId);
    expect(secondRows.DB).toEqual(nothing);
    expect(secondRows.SHARD_1).toEqual(nothing);
    expect(secondRows.SHARD_2).toMatchObject({ deliveries: 1, orders: 1, profiles: 1, usage_counters: 1 });
    expect(secondRows.SHARD_2.events).toBeGreaterThanOrEqual(3);
  });

  it("sends a frozen tenant's messages back to the queue with a delay, writing nothing, while the other tenants of the batch go on", async () => {
    const moving = await seedTenant();
    const staying = await seedTenant();
    await placeOn(moving.tenantId, "SHARD_1", "frozen");
    await placeOn(staying.tenantId, "SHARD_2");
    const movingMessage = pixel(moving, 2);
    // Sent again as a new message (its attempts start again, so a long move never dead-letters it), then acked.
    const resent: unknown[] = [];
    const send = vi.spyOn(env.INGEST_QUEUE, "send").mockImplementation(async (body, options) => {
      resent.push({ body, options });
      return undefined as never;
    });
    const { batch, result } = await consumeIngestBatch([movingMessage, pixel(staying, 2)]).finally(() => send.mockRestore());
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks.toSorted()).toEqual(batch.messages.map((message) => message.id).toSorted());
    expect(resent).toEqual([{ body: movingMessage, options: { delaySeconds: TENANT_MOVING_RETRY_AFTER_S } }]);
    expect((await rowsOf(moving.tenantId)).SHARD_1).toEqual(nothing);
    expect((await rowsOf(staying.tenantId)).SHARD_2.events).toBeGreaterThanOrEqual(2);

    await placeOn(moving.tenantId, "SHARD_1");
    const again = await consumeIngestBatch([movingMessage]);
    expect(again.result.explicitAcks).toHaveLength(1);
    expect((await rowsOf(moving.tenantId)).SHARD_1.events).toBeGreaterThanOrEqual(2);
  });

  it("waits at least the move's Retry-After before a frozen tenant's message comes back, and logs no failure", () => {
    const delays: (number | undefined)[] = [];
    const message = { attempts: 1, retry: (options?: { delaySeconds?: number }) => delays.push(options?.delaySeconds) } as unknown as Message<unknown>;
    const deps = serviceDeps();
    const warn = vi.spyOn(deps.log, "warn");
    retryMessage(message, new TenantMovingError("ten_moving"), deps, "segops-ingest");
    retryMessage(message, new Error("D1 is down"), deps, "segops-ingest");
    expect(delays).toEqual([TENANT_MOVING_RETRY_AFTER_S, 2]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
