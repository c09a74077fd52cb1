import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadMove, type TenantMove } from "../../../../worker/services/shards/move-record.ts";
import { createMoveContext, type MoveContext, type MoveStepMessage } from "../../../../worker/services/shards/move-context.ts";
import { LEASE_MS, MoveBusyError, runMoveStep } from "../../../../worker/services/shards/run-move-step.ts";
import { startTenantMove } from "../../../../worker/services/shards/start-tenant-move.ts";
import { MOVE_TABLES } from "../../../../worker/services/shards/move-tables.ts";
import { readDirectoryEntry } from "../../../../worker/services/shards/directory.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";
import { DEMO_SIZE, placeTenant, seedMoveDataset, tenantRows } from "../../../helpers/seed-move-dataset.ts";

const SMALL = { customers: 150, orders: 450, products: 30, eventsPerOrder: 2 };

/** The move's steps held in a list instead of the queue, run on a clock that skips the waits the steps ask for. */
type Driver = { ctx: MoveContext; sent: (MoveStepMessage & { delaySeconds: number })[]; clock: number };

function driver(options: { shard?: MoveContext["shard"] } = {}): Driver {
  const base = createMoveContext(serviceDeps());
  const d: Driver = {
    ctx: { ...base, shard: options.shard ?? base.shard, sendStep: async (message, delaySeconds) => void d.sent.push({ ...message, delaySeconds }) },
    sent: [],
    clock: Date.now(),
  };
  return d;
}

async function move(d: Driver, tenantId: string, to: "SHARD_1" | "SHARD_2"): Promise<TenantMove> {
  const started = await startTenantMove({ ctx: d.ctx, input: { tenantId, to, now: d.clock } });
  if (!started.ok) throw new Error(started.error.reason);
  return started.value.move;
}

/** Runs the sent steps in order until none is left or `stop` says so before a step; answers the move as it stands. */
async function runSteps(
  d: Driver,
  moveId: string,
  options: { stop?: (move: TenantMove) => boolean; batches?: number; phaseMs?: Record<string, number> } = {},
): Promise<TenantMove> {
  for (;;) {
    const started = Date.now();
    const current = (await loadMove({ ctx: d.ctx, input: { moveId: moveId } }))!;
    if (d.sent.length === 0 || options.stop?.(current)) return current;
    const next = d.sent.shift()!;
    d.clock += next.delaySeconds * 1_000;
    await runMoveStep({ ctx: d.ctx, input: { moveId: next.moveId, step: next.step, now: d.clock, batches: options.batches } });
    if (options.phaseMs) options.phaseMs[current.phase] = (options.phaseMs[current.phase] ?? 0) + Date.now() - started;
  }
}

async function tenantWithData(shard: "SHARD_1" | "SHARD_2", size: typeof SMALL) {
  const tenant = await seedTenant();
  await placeTenant(tenant.tenantId, shard);
  await seedMoveDataset(env[shard], tenant.tenantId, size);
  return tenant.tenantId;
}

const rowCount = (rows: Record<string, unknown[]>) => Object.values(rows).reduce((sum, table) => sum + table.length, 0);

describe("moving a tenant between shards", () => {
  it("carries a demo-sized tenant from SHARD_1 to SHARD_2 whole, empties the source, and leaves another tenant alone", async () => {
    const moving = await tenantWithData("SHARD_1", DEMO_SIZE);
    const bystander = await tenantWithData("SHARD_1", SMALL);
    const before = await tenantRows(env.SHARD_1, moving);
    const bystanderBefore = await tenantRows(env.SHARD_1, bystander);
    const d = driver();

    const phaseMs: Record<string, number> = {};
    const done = await runSteps(d, (await move(d, moving, "SHARD_2")).id, { phaseMs });

    expect(done.phase).toBe("done");
    expect(done.error).toBeNull();
    expect(await tenantRows(env.SHARD_2, moving)).toEqual(before);
    expect(rowCount(await tenantRows(env.SHARD_1, moving))).toBe(0);
    const tables = JSON.parse(done.tables) as Record<string, { sourceRows: number; targetRows: number; sourceDigest: string; targetDigest: string }>;
    for (const [name, rows] of Object.entries(before)) {
      expect(tables[name], name).toMatchObject({ sourceRows: rows.length, targetRows: rows.length });
      expect(tables[name]!.targetDigest, name).toBe(tables[name]!.sourceDigest);
    }
    expect(await readDirectoryEntry({ ctx: d.ctx, input: { tenantId: moving } })).toMatchObject({ shard: "SHARD_2", state: "active" });
    expect(await tenantRows(env.SHARD_1, bystander)).toEqual(bystanderBefore);
    expect(rowCount(await tenantRows(env.SHARD_2, bystander))).toBe(0);
    expect(await readDirectoryEntry({ ctx: d.ctx, input: { tenantId: bystander } })).toMatchObject({ shard: "SHARD_1", state: "active" });
    const frozen = (phaseMs.catch_up ?? 0) + (phaseMs.verify ?? 0) + (phaseMs.switch ?? 0);
    console.log(`demo tenant: ${rowCount(before)} rows; ms per phase ${JSON.stringify(phaseMs)}; copy ${Math.round((rowCount(before) * 1_000) / phaseMs.copy!)} rows/s; frozen ${frozen} ms + the settle wait`);
  }, 240_000);

  it("resumes after a crash between any two steps and a failed write, and catches up what ingestion changed during the copy", async () => {
    const moving = await tenantWithData("SHARD_1", SMALL);
    let failNext = false;
    const base = driver();
    const d = driver({
      shard: (name) => {
        const db = base.ctx.shard(name);
        if (name !== "SHARD_2") return db;
        return new Proxy(db, {
          get(target, property) {
            if (property === "prepare" && failNext) {
              failNext = false;
              throw new Error("D1_ERROR: injected: the target refused a batch");
            }
            const value = Reflect.get(target, property) as unknown;
            return typeof value === "function" ? value.bind(target) : value;
          },
        });
      },
    });
    let expected: Record<string, unknown[]> = {};
    // Ingestion writing to the source behind the copy: a changed row, a deleted one and a new one, all already passed.
    const changeBehindTheCopy = async (tenantId: string) => {
      await env.SHARD_1.batch([
        env.SHARD_1.prepare("UPDATE profiles SET email = 'changed@example.com', total_spent = 0.7 WHERE id = ?1").bind(`prof_${tenantId}_0`),
        env.SHARD_1.prepare("DELETE FROM events WHERE id = ?1").bind(`evt_${tenantId}_0`),
        env.SHARD_1.prepare("INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, dedup_key, properties) VALUES (?1, ?2, 'page_viewed', 'pixel', 1, 1, 'late', '{}')").bind(`evt_${tenantId}_00`, tenantId),
      ]);
      expected = await tenantRows(env.SHARD_1, tenantId);
    };
    const first = await move(d, moving, "SHARD_2");
    const phases = new Set<string>();
    let crashes = 0;
    let changed = false;
    const pastEvents = MOVE_TABLES.findIndex((table) => table.name === "events") + 1;
    for (;;) {
      const current = (await loadMove({ ctx: d.ctx, input: { moveId: first.id } }))!;
      phases.add(current.phase);
      if (current.finishedAt) break;
      // The step's message is lost with the crashed isolate; the operator runs the command again.
      d.sent.length = 0;
      const resumed = await startTenantMove({ ctx: d.ctx, input: { tenantId: moving, to: "SHARD_2", now: d.clock } });
      expect(resumed.ok && resumed.value).toMatchObject({ resumed: true, move: { id: first.id } });
      crashes++;
      if (crashes === 2) failNext = true;
      if (!changed && current.phase === "copy" && current.tableIndex >= pastEvents) {
        await changeBehindTheCopy(moving);
        changed = true;
      }
      const message = d.sent.shift()!;
      d.clock += 60_000;
      await runMoveStep({ ctx: d.ctx, input: { ...message, now: d.clock, batches: 3 } }).catch((error: unknown) => expect(String(error)).toContain("injected"));
    }
    const done = (await loadMove({ ctx: d.ctx, input: { moveId: first.id } }))!;
    expect(done.phase).toBe("done");
    expect(failNext).toBe(false);
    expect(changed).toBe(true);
    expect([...phases]).toEqual(expect.arrayContaining(["copy", "freeze", "settle", "catch_up", "verify", "switch", "cleanup", "done"]));
    expect(crashes).toBeGreaterThan(10);
    expect(await tenantRows(env.SHARD_2, moving)).toEqual(expected);
    expect(JSON.parse(done.tables)).toMatchObject({ profiles: { repaired: 1 }, events: { pruned: 1 } });
    expect(rowCount(await tenantRows(env.SHARD_1, moving))).toBe(0);
    const again = await startTenantMove({ ctx: d.ctx, input: { tenantId: moving, to: "SHARD_2", now: d.clock } });
    expect(again).toMatchObject({ ok: false, error: { reason: "already_there" } });
  }, 120_000);

  it("runs a step once: a duplicate of it waits while it holds the lease, then is dropped; a dead step's lease runs out", async () => {
    const moving = await tenantWithData("SHARD_1", SMALL);
    const d = driver();
    const started = await move(d, moving, "SHARD_2");
    const message = d.sent.shift()!;
    // A step that died holding the lease.
    await runMoveStep({ ctx: { ...d.ctx, sendStep: async () => Promise.reject(new Error("isolate gone")) }, input: { ...message, now: d.clock } }).catch(() => undefined);
    await expect(runMoveStep({ ctx: d.ctx, input: { ...message, now: d.clock } })).rejects.toBeInstanceOf(MoveBusyError);
    expect(await runMoveStep({ ctx: d.ctx, input: { ...message, now: d.clock + LEASE_MS + 1 } })).toBe("ran");
    expect(await runMoveStep({ ctx: d.ctx, input: { ...message, now: d.clock + LEASE_MS + 2 } })).toBe("stale");
    expect((await loadMove({ ctx: d.ctx, input: { moveId: started.id } }))!.step).toBe(1);
  });

  it("keeps the tenant active on its source when verify finds a row the target wrote differently, and never switches", async () => {
    const moving = await tenantWithData("SHARD_1", SMALL);
    let lossy = false;
    const base = driver();
    // A target that stores one row differently from what it was sent: what verify is there to catch.
    const d = driver({
      shard: (name) => {
        const db = base.ctx.shard(name);
        if (name !== "SHARD_2") return db;
        return new Proxy(db, {
          get(target, property) {
            if (property === "batch" && lossy) {
              return async (statements: D1PreparedStatement[]) => {
                const results = await target.batch(statements);
                await target.prepare("UPDATE profiles SET email = 'lossy@example.com' WHERE id = ?1").bind(`prof_${moving}_0`).run();
                return results;
              };
            }
            const value = Reflect.get(target, property) as unknown;
            return typeof value === "function" ? value.bind(target) : value;
          },
        });
      },
    });
    const started = await move(d, moving, "SHARD_2");
    await runSteps(d, started.id, { stop: (m) => m.phase === "catch_up" });
    // A write that reached the source behind the copy, so the catch-up rewrites that range of the target.
    await env.SHARD_1.prepare("UPDATE profiles SET total_spent = 12.5 WHERE id = ?1").bind(`prof_${moving}_0`).run();
    const before = await tenantRows(env.SHARD_1, moving);
    lossy = true;

    const failed = await runSteps(d, started.id);

    expect(failed.phase).toBe("failed");
    expect(failed.error).toMatch(/^verify failed, the tenant stays on SHARD_1: profiles: 150 rows on the source, 150 on the target, digests differ$/);
    expect(await readDirectoryEntry({ ctx: d.ctx, input: { tenantId: moving } })).toMatchObject({ shard: "SHARD_1", state: "active" });
    expect(await tenantRows(env.SHARD_1, moving)).toEqual(before);
    expect(d.sent).toHaveLength(0);
  });
});
