import { env } from "cloudflare:workers";
import { loadMove, type TenantMove } from "../../worker/services/shards/move-record.ts";
import { createMoveContext, type MoveContext, type MoveStepMessage } from "../../worker/services/shards/move-context.ts";
import { runMoveStep } from "../../worker/services/shards/run-move-step.ts";
import { startTenantMove } from "../../worker/services/shards/start-tenant-move.ts";
import { placeTenant, seedMoveDataset, type DatasetSize } from "./seed-move-dataset.ts";
import { seedTenant } from "./seed-tenant.ts";
import { serviceDeps } from "./service-context.ts";

export const SMALL: DatasetSize = { customers: 150, orders: 450, products: 30, eventsPerOrder: 2 };

/** A move's steps held in a list instead of the queue, run on a clock that skips the waits the steps ask for. */
export type MoveDriver = { ctx: MoveContext; sent: (MoveStepMessage & { delaySeconds: number })[]; clock: number };

export function moveDriver(options: { shard?: MoveContext["shard"] } = {}): MoveDriver {
  const base = createMoveContext(serviceDeps());
  const d: MoveDriver = {
    ctx: { ...base, shard: options.shard ?? base.shard, sendStep: async (message, delaySeconds) => void d.sent.push({ ...message, delaySeconds }) },
    sent: [],
    clock: Date.now(),
  };
  return d;
}

/**
 * A driver whose SHARD_2 (the target) answers `property` with what `intercept` gives, or throws what it throws;
 * undefined leaves the real binding's. For a target that refuses or mangles a write.
 */
export function moveDriverWithTarget(intercept: (target: D1Database, property: string | symbol) => unknown): MoveDriver {
  const base = createMoveContext(serviceDeps());
  return moveDriver({
    shard: (name) => {
      const db = base.shard(name);
      if (name !== "SHARD_2") return db;
      return new Proxy(db, {
        get(target, property) {
          const replaced = intercept(target, property);
          if (replaced !== undefined) return replaced;
          const value = Reflect.get(target, property) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
  });
}

export async function startMove(d: MoveDriver, tenantId: string, to: "SHARD_1" | "SHARD_2"): Promise<TenantMove> {
  const started = await startTenantMove({ ctx: d.ctx, input: { tenantId, to, now: d.clock } });
  if (!started.ok) throw new Error(started.error.reason);
  return started.value.move;
}

/** Runs the sent steps in order until none is left or `stop` says so before a step; answers the move as it stands. */
export async function runSteps(
  d: MoveDriver,
  moveId: string,
  options: { stop?: (move: TenantMove) => boolean; batches?: number; phaseMs?: Record<string, number> } = {},
): Promise<TenantMove> {
  for (;;) {
    const started = Date.now();
    const current = (await loadMove({ ctx: d.ctx, input: { moveId } }))!;
    if (d.sent.length === 0 || options.stop?.(current)) return current;
    const next = d.sent.shift()!;
    d.clock += next.delaySeconds * 1_000;
    await runMoveStep({ ctx: d.ctx, input: { moveId: next.moveId, step: next.step, now: d.clock, batches: options.batches } });
    if (options.phaseMs) options.phaseMs[current.phase] = (options.phaseMs[current.phase] ?? 0) + Date.now() - started;
  }
}

/** A new tenant placed on `shard` with a dataset of `size` there; answers its id. */
export async function tenantWithData(shard: "SHARD_1" | "SHARD_2", size: DatasetSize): Promise<string> {
  const tenant = await seedTenant();
  await placeTenant(tenant.tenantId, shard);
  await seedMoveDataset(env[shard], tenant.tenantId, size);
  return tenant.tenantId;
}
