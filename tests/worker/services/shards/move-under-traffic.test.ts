import { env, } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { OpsTenantMoveResponse, OpsTenantWhereResponse } from "../../../../worker/routes/ops/tenant-moves.ts";
import { MOVE_TABLES } from "../../../../worker/services/shards/move-tables.ts";
import { orderBody, pageViews } from "../../../helpers/fault-counts.ts";
import { opsRequest } from "../../../helpers/ops-request.ts";
import { pixelToken, postPixel } from "../../../helpers/pixel-collector.ts";
import { placeTenant, seedMoveDataset, tenantRows } from "../../../helpers/seed-move-dataset.ts";
import { seedTenant, type SeededTenant } from "../../../helpers/seed-tenant.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { sendSigned } from "../../../helpers/webhook-requests.ts";

const SIZE = { customers: 300, orders: 900, products: 40, eventsPerOrder: 2 };
const VIEWS_PER_ROUND = 3;
const CUSTOMERS = 7;


/** A `customers/update` of one of the customers the orders name, changed in round `round` (its tags name the round). */
function customerBody(round: number): string {
  const customer = round % CUSTOMERS;
  return JSON.stringify({
    id: 7_200_000_000_000 + customer,
    admin_graphql_api_id: `gid://shopify/Customer/${7_200_000_000_000 + customer}`,
    email: `buyer-${customer}@example.com`,
    first_name: "Buyer",
    last_name: String(customer),
    phone: null,
    state: "enabled",
    tags: `round-${round}`,
    created_at: "2026-09-01T09:00:00Z",
    updated_at: new Date(Date.UTC(2026, 10, 21, 0, 0, round)).toISOString(),
    default_address: { country_code: "GB" },
  });
}

/**
 * One tenant's side of the traffic: Shopify resends a webhook until it is answered 2xx and the pixel resends a
 * batch refused with 429, so what was not accepted is sent again next round, with the same ids.
 */
class Sender {
  readonly acceptedOrders = new Set<number>();
  readonly acceptedViews = new Set<number>();
  private pending: { kind: "order" | "customer" | "views"; round: number }[] = [];
  constructor(
    readonly tenant: SeededTenant,
    private readonly token: string,
  ) {}

  async round(round: number): Promise<void> {
    const work = [...this.pending, { kind: "order" as const, round }, { kind: "customer" as const, round }, { kind: "views" as const, round }];
    this.pending = [];
    await Promise.all(work.map(async (item) => ((await this.send(item)) ? undefined : this.pending.push(item))));
  }

  private async send(item: { kind: "order" | "customer" | "views"; round: number }): Promise<boolean> {
    if (item.kind === "views") {
      const res = await postPixel("/events", { token: this.token, events: pageViews(`mover-${this.tenant.tenantId}`, VIEWS_PER_ROUND, item.round * VIEWS_PER_ROUND) });
      if (res.status !== 202) return false;
      this.acceptedViews.add(item.round);
      return true;
    }
    const res = await sendSigned({ shop: this.tenant.shop, topic: item.kind === "order" ? "orders/create" : "customers/update", body: item.kind === "order" ? orderBody(item.round, CUSTOMERS) : customerBody(item.round) });
    if (res.status !== 200) return false;
    if (item.kind === "order") this.acceptedOrders.add(item.round);
    return true;
  }
}

type Sums = { trafficOrders: number; trafficViews: number; doubledEvents: number; ordersCounted: number; usageEvents: number; customerTags: string };

/** Rows per data table of the tenant on `db`, the traffic's orders and page views, and the sums a double would inflate. */
async function tableCounts(db: D1Database, tenantId: string): Promise<Record<string, number | string> & Sums> {
  const counts: Record<string, number> = {};
  for (const table of MOVE_TABLES) {
    counts[table.name] = (await db.prepare(`SELECT count(tenant_id) AS n FROM "${table.name}" WHERE tenant_id = ?1`).bind(tenantId).first<{ n: number }>())!.n;
  }
  const sums = await db
    .prepare(
      `select
         (select count(*) from orders where tenant_id = ?1 and length(shopify_order_id) = 13) trafficOrders,
         (select count(*) from events where tenant_id = ?1 and name = 'page_view') trafficViews,
         (select count(*) - count(distinct dedup_key) from events where tenant_id = ?1) doubledEvents,
         (select coalesce(sum(orders_count), 0) from profiles where tenant_id = ?1) ordersCounted,
         (select coalesce(sum(events), 0) from usage_counters where tenant_id = ?1) usageEvents,
         (select group_concat(tags, '|') from (select tags from profiles where tenant_id = ?1 and length(shopify_customer_id) = 13 order by shopify_customer_id)) customerTags`,
    )
    .bind(tenantId)
    .first<Sums>();
  return { ...counts, ...sums! };
}

describe("moving a tenant while it receives webhooks and pixel events", () => {
  it("stores every accepted delivery once, on the target, exactly as a twin tenant that stayed put stores the same traffic", async ({ annotate }) => {
    const moving = await seedTenant();
    const twin = await seedTenant();
    for (const tenant of [moving, twin]) {
      await placeTenant(tenant.tenantId, "SHARD_1");
      await seedMoveDataset(env.SHARD_1, tenant.tenantId, SIZE);
    }
    const senders = [
      new Sender(moving, await pixelToken(moving.publicKey, `mover-${moving.tenantId}`)),
      new Sender(twin, await pixelToken(twin.publicKey, `mover-${twin.tenantId}`)),
    ] as const;
    const where = async () => (await opsRequest<OpsTenantWhereResponse>("GET", `/tenant/where?shop=${moving.shop}`)).body;

    const started = await opsRequest<OpsTenantMoveResponse>("POST", `/tenant/move?shop=${moving.shop}&to=SHARD_2`);
    expect(started.status).toBe(202);
    // A round of traffic to both tenants, then a wait until the move takes a step or the twin has stored the round:
    // traffic at every step of the move, several rounds during the settle wait while the tenant is frozen.
    const roundsIn: Record<string, number> = {};
    let round = 0;
    let view = await where();
    for (let after = 0; after < 3; round++) {
      const state = `${view.moves[0]!.phase}/${view.entry!.state}`;
      roundsIn[state] = (roundsIn[state] ?? 0) + 1;
      await Promise.all(senders.map((sender) => sender.round(round)));
      const step = view.moves[0]!.step;
      view = await waitFor(
        async () => {
          const now = await where();
          if (now.moves[0]!.step !== step) return now;
          const stored = await tableCounts(env.SHARD_1, twin.tenantId);
          return stored.trafficOrders >= senders[1].acceptedOrders.size && stored.trafficViews >= senders[1].acceptedViews.size * VIEWS_PER_ROUND ? now : null;
        },
        { what: `the move's step after ${step}, or the twin's round ${round} stored`, timeoutMs: 120_000, intervalMs: 100 },
      );
      expect(view.moves[0]!.phase, view.moves[0]!.error ?? "").not.toBe("failed");
      if (view.moves[0]!.finishedAt) after++;
    }
    expect(view.entry).toMatchObject({ shard: "SHARD_2", state: "active" });
    const frozenRounds = Object.entries(roundsIn).reduce((sum, [state, rounds]) => sum + (state.endsWith("/frozen") ? rounds : 0), 0);
    expect(frozenRounds, JSON.stringify(roundsIn)).toBeGreaterThanOrEqual(3);

    // Deliveries retried while the tenant was frozen arrive with the queue's backoff.
    const [mover, stayer] = senders;
    const sent = { trafficOrders: mover.acceptedOrders.size, trafficViews: mover.acceptedViews.size * VIEWS_PER_ROUND, doubledEvents: 0 };
    expect(stayer.acceptedOrders.size).toBe(mover.acceptedOrders.size);
    await waitFor(
      async () => {
        const [moved, stayed] = await Promise.all([tableCounts(env.SHARD_2, moving.tenantId), tableCounts(env.SHARD_1, twin.tenantId)]);
        return moved.trafficOrders >= sent.trafficOrders && moved.trafficViews >= sent.trafficViews && stayed.trafficViews >= sent.trafficViews && JSON.stringify(moved) === JSON.stringify(stayed);
      },
      { what: "every accepted delivery stored on the target, as the twin stored it", timeoutMs: 180_000, intervalMs: 250 },
    ).catch(async (error: unknown) => {
      console.log(JSON.stringify({ moved: await tableCounts(env.SHARD_2, moving.tenantId), stayed: await tableCounts(env.SHARD_1, twin.tenantId), sent }));
      throw error;
    });
    const moved = await tableCounts(env.SHARD_2, moving.tenantId);
    expect(moved).toEqual(await tableCounts(env.SHARD_1, twin.tenantId));
    expect(moved).toMatchObject({ ...sent, profiles: SIZE.customers + Math.min(round, CUSTOMERS) });
    expect(Object.values(await tenantRows(env.SHARD_1, moving.tenantId)).flat()).toHaveLength(0);
    expect(Object.values(await tenantRows(env.SHARD_2, twin.tenantId)).flat()).toHaveLength(0);
    expect(Object.values(await tenantRows(env.DB, moving.tenantId)).flat()).toHaveLength(0);

    const move = (await where()).moves[0]!;
    const line = `moved during ${round} rounds of traffic (${JSON.stringify(roundsIn)}): ${sent.trafficOrders} orders and ${sent.trafficViews} page views accepted, all stored once; copy ${move.copyRowsPerSecond} rows/s over ${move.rowsCopied} rows, frozen ${move.frozenMs} ms`;
    console.log(line);
    await annotate(line);
  }, 420_000);
});
