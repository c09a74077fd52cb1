import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDeps } from "../../../../worker/context/deps.ts";
import { parseConfig } from "../../../../worker/env.ts";
import { createLogger } from "../../../../worker/lib/log.ts";
import { createMoveContext, type MoveContext, type MoveStepMessage } from "../../../../worker/services/shards/move-context.ts";
import { loadMove, type TenantMove } from "../../../../worker/services/shards/move-record.ts";
import { LEASE_MS, MoveBusyError, runMoveStep } from "../../../../worker/services/shards/run-move-step.ts";
import { startTenantMove } from "../../../../worker/services/shards/start-tenant-move.ts";
import { faultyD1, killAt } from "../../../helpers/faulty-d1.ts";
import { placeTenant, seedMoveDataset, tenantRows } from "../../../helpers/seed-move-dataset.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

const SIZE = { customers: 150, orders: 1_200, products: 30, eventsPerOrder: 2 };
// Small steps, so each phase takes several and a crash lands in the middle of one.
const BATCHES = 3;

/** A move's context on `bindings` (the control database and the shards), its steps held in `sent`. */
function moveContext(bindings: Partial<Pick<Env, "DB" | "SHARD_1" | "SHARD_2">>, sent: MoveStepMessage[]): MoveContext {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.issues.join("; "));
  const deps = createDeps({ ...env, ...bindings }, parsed.config, createLogger({ test: true }));
  return { ...createMoveContext(deps), sendStep: async (message) => void sent.push(message) };
}

/** The step died of the injected kill (drizzle wraps the driver's error as the cause of its own). */
async function dies(step: Promise<unknown>): Promise<void> {
  const error = await step.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error instanceof Error ? `${error.message} ${String(error.cause)}` : "the step ran").toContain("consumer killed");
}

const current = async (ctx: MoveContext, moveId: string) => (await loadMove({ ctx, input: { moveId } }))!;

describe("a tenant move whose step dies half-way", () => {
  it("re-runs the step from the recorded cursor once the lease runs out, in every phase, to the same verified end", async () => {
    const { tenantId } = await seedTenant();
    await placeTenant(tenantId, "SHARD_1");
    await seedMoveDataset(env.SHARD_1, tenantId, SIZE);
    const before = await tenantRows(env.SHARD_1, tenantId);
    const sent: MoveStepMessage[] = [];
    const ctx = moveContext({}, sent);
    let clock = Date.now();
    const started = await startTenantMove({ ctx, input: { tenantId, to: "SHARD_2", now: clock } });
    if (!started.ok) throw new Error(started.error.reason);
    const moveId = started.value.move.id;

    const crashed = new Set<string>();
    for (let move = await current(ctx, moveId); !move.finishedAt; move = await current(ctx, moveId)) {
      const message = sent.shift()!;
      clock += 11_000; // past any wait a step asked for (the settle and cleanup waits are 10 s)
      const midStep = ["copy", "catch_up", "verify", "cleanup"].includes(move.phase) && move.cursor !== null && !crashed.has(move.phase);
      if (midStep) {
        crashed.add(move.phase);
        // The isolate dies on the step's fourth D1 call, its work half done (a batch copied or deleted) and nothing of it
        // recorded, the lease left held (releasing it fails too), and the message redelivered.
        const { bindings } = faultyD1(killAt(3));
        await dies(runMoveStep({ ctx: moveContext(bindings, sent), input: { ...message, now: clock, batches: BATCHES } }));
        const after = await current(ctx, moveId);
        expect(after, `${move.phase}: nothing recorded`).toMatchObject({ step: move.step, phase: move.phase, tableIndex: move.tableIndex, cursor: move.cursor, tables: move.tables });
        expect(after.leasedUntil).not.toBeNull();
        expect(sent).toHaveLength(0);
        await expect(runMoveStep({ ctx, input: { ...message, now: clock + 1_000, batches: BATCHES } }), "a redelivery inside the lease waits").rejects.toBeInstanceOf(MoveBusyError);
        clock += LEASE_MS + 1;
      }
      expect(await runMoveStep({ ctx, input: { ...message, now: clock, batches: BATCHES } })).toBe("ran");
    }

    const done: TenantMove = await current(ctx, moveId);
    expect(done).toMatchObject({ phase: "done", error: null });
    expect([...crashed].toSorted()).toEqual(["catch_up", "cleanup", "copy", "verify"]);
    expect(await tenantRows(env.SHARD_2, tenantId)).toEqual(before);
    expect(Object.values(await tenantRows(env.SHARD_1, tenantId)).flat()).toHaveLength(0);
    const tables = JSON.parse(done.tables) as Record<string, { copied?: number; sourceRows?: number; targetRows?: number; sourceDigest?: string; targetDigest?: string; deleted?: number }>;
    for (const [name, rows] of Object.entries(before)) {
      // Figures of the dead steps were never recorded: each row copied and counted once (the cleanup's `deleted` is
      // short by what the dead cleanup step deleted).
      expect(tables[name], name).toMatchObject({ sourceRows: rows.length, targetRows: rows.length, copied: rows.length });
      expect(tables[name]!.targetDigest, name).toBe(tables[name]!.sourceDigest);
    }
    expect(done.rowsCopied).toBe(Object.values(before).flat().length);
  }, 180_000);

  it("resumes from the operator's command when its message was lost (dead-lettered), without a second copy", async () => {
    const { tenantId } = await seedTenant();
    await placeTenant(tenantId, "SHARD_1");
    await seedMoveDataset(env.SHARD_1, tenantId, SIZE);
    const sent: MoveStepMessage[] = [];
    const ctx = moveContext({}, sent);
    let clock = Date.now();
    const started = await startTenantMove({ ctx, input: { tenantId, to: "SHARD_2", now: clock } });
    if (!started.ok) throw new Error(started.error.reason);
    expect(await runMoveStep({ ctx, input: { ...sent.shift()!, now: clock, batches: BATCHES } })).toBe("ran");
    // The next step's message fails until the queue gives up on it: the move stands still at its cursor.
    const stalled = sent.shift()!;
    const { bindings } = faultyD1(killAt(0));
    await dies(runMoveStep({ ctx: moveContext(bindings, sent), input: { ...stalled, now: clock, batches: BATCHES } }));
    const standing = await current(ctx, started.value.move.id);

    clock += LEASE_MS + 1;
    const resumed = await startTenantMove({ ctx, input: { tenantId, to: "SHARD_2", now: clock } });
    expect(resumed.ok && resumed.value).toMatchObject({ resumed: true, move: { id: standing.id, step: standing.step, cursor: standing.cursor } });
    for (let move = standing; !move.finishedAt; move = await current(ctx, move.id)) {
      clock += 11_000;
      await runMoveStep({ ctx, input: { ...sent.shift()!, now: clock } });
    }
    expect(await current(ctx, standing.id)).toMatchObject({ phase: "done", error: null });
    expect(sent).toHaveLength(0);
  }, 120_000);
});
