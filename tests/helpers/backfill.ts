import { tenantDb } from "./tenant-db.ts";
import type { BackfillMessage } from "../../queues/backfill-messages.ts";
import type { BackfillResponse } from "../../worker/routes/admin/backfill.ts";
import { createBackfillContext, type BackfillContext } from "../../worker/services/backfill/backfill-context.ts";
import { dispatchBackfillMessage } from "../../worker/services/backfill/dispatch-backfill-message.ts";
import { waitForAdmin } from "./harness.ts";
import { serviceDeps } from "./service-context.ts";

/** Polls GET /admin/api/backfill until `until` holds (by default: the latest job finished). */
export const waitForBackfill = (shop: string, until: (view: BackfillResponse) => boolean = (v) => Boolean(v.job) && !v.running, timeoutMs = 25_000) =>
  waitForAdmin(shop, "/backfill", until, timeoutMs);

export type TenantCounts = {
  orders: number;
  profiles: number;
  products: number;
  abandonedCheckouts: number;
  events: Record<string, number>;
  quarantined: number;
};

export async function tenantCounts(tenantId: string): Promise<TenantCounts> {
  const db = await tenantDb(tenantId);
  const count = async (sql: string) => (await db.prepare(sql).bind(tenantId).first<{ n: number }>())!.n;
  const { results } = await db.prepare("select name, count(*) n from events where tenant_id = ? group by name").bind(tenantId).all<{ name: string; n: number }>();
  return {
    orders: await count("select count(*) n from orders where tenant_id = ?"),
    profiles: await count("select count(*) n from profiles where tenant_id = ?"),
    products: await count("select count(*) n from products where tenant_id = ? and deleted_at is null"),
    abandonedCheckouts: await count("select count(*) n from checkouts where tenant_id = ? and shopify_order_id is null"),
    events: Object.fromEntries(results.map((row) => [row.name, row.n])),
    quarantined: await count("select count(*) n from quarantine where tenant_id = ?"),
  };
}

/** A backfill context whose queue is an in-memory list: the test decides when (and whether) each message runs. */
export async function manualBackfill(tenantId: string, overrides: Partial<BackfillContext> = {}) {
  const queue: BackfillMessage[] = [];
  const ctx = await createBackfillContext({
    ctx: serviceDeps(),
    input: {
      tenantId,
      overrides: {
        send: async (message) => {
          queue.push(message);
        },
        ...overrides,
      },
    },
  });
  return {
    ctx,
    queue,
    run: (message: BackfillMessage) => dispatchBackfillMessage({ ctx, input: message }),
    /** Runs queued messages (delays ignored, watchdog polls dropped) until none is left. */
    async drain(options: { onError?: (error: unknown, message: BackfillMessage) => "retry" | "drop" } = {}): Promise<void> {
      for (let guard = 0; queue.length > 0; guard++) {
        if (guard > 10_000) throw new Error("backfill did not settle");
        const message = queue.shift()!;
        if (message.type === "poll") await new Promise((resolve) => setTimeout(resolve, 20));
        try {
          await dispatchBackfillMessage({ ctx, input: message });
        } catch (error) {
          const decision = options.onError?.(error, message) ?? "retry";
          if (decision === "retry") queue.push(message);
        }
        await dropIdleWatchdogs(ctx, queue);
      }
    },
  };
}

// Watchdog polls re-send themselves every minute until the resource finishes; a drained test queue skips them.
async function dropIdleWatchdogs(ctx: BackfillContext, queue: BackfillMessage[]): Promise<void> {
  const state = await ctx.tenant.backfillState();
  for (let i = queue.length - 1; i >= 0; i--) {
    const message = queue[i]!;
    if (message.type !== "poll") continue;
    const phase = state?.jobId === message.jobId ? state.resources[message.resource].phase : "done";
    if (phase !== "exporting" && queue.some((m) => m.type === "chunk" && m.resource === message.resource)) queue.splice(i, 1);
    else if (phase === "done" || phase === "failed") queue.splice(i, 1);
  }
}
