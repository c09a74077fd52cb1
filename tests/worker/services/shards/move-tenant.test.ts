import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadMove } from "../../../../worker/services/shards/move-record.ts";
import { LEASE_MS, MoveBusyError, runMoveStep } from "../../../../worker/services/shards/run-move-step.ts";
import { startTenantMove } from "../../../../worker/services/shards/start-tenant-move.ts";
import { MOVE_TABLES } from "../../../../worker/services/shards/move-tables.ts";
import { readDirectoryEntry } from "../../../../worker/services/shards/directory.ts";
import { moveDriver, moveDriverWithTarget, runSteps, SMALL, startMove, tenantWithData } from "../../../helpers/move-driver.ts";
import { DEMO_SIZE, tenantRows } from "../../../helpers/seed-move-dataset.ts";

const rowCount = (rows: Record<string, unknown[]>) => Object.values(rows).reduce((sum, table) => sum + table.length, 0);

describe("moving a tenant between shards", () => {
  it("carries a demo-sized tenant from SHARD_1 to SHARD_2 whole, empties the source, and leaves another tenant alone", async () => {
    const moving = await tenantWithData("SHARD_1", DEMO_SIZE);
    const bystander = await tenantWithData("SHARD_1", SMALL);
    const before = await tenantRows(env.SHARD_1, moving);
    const bystanderBefore = await tenantRows(env.SHARD_1, bystander);
    const d = moveDriver();

    const phaseMs: Record<string, number> = {};
    const done = await runSteps(d, (await startMove(d, moving, "SHARD_2")).id, { phaseMs });

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
    const d = moveDriverWithTarget((_target, property) => {
      if (property === "prepare" && failNext) {
        failNext = false;
        throw new Error("D1_ERROR: injected: the target refused a batch");
      }
      return undefined;
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
    const first = await startMove(d, moving, "SHARD_2");
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
    const d = moveDriver();
    const started = await startMove(d, moving, "SHARD_2");
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
    // A target that stores one row differently from what it was sent: what verify is there to catch.
    const d = moveDriverWithTarget((target, property) =>
      property === "batch" && lossy
        ? async (statements: D1PreparedStatement[]) => {
            const results = await target.batch(statements);
            await target.prepare("UPDATE profiles SET email = 'lossy@example.com' WHERE id = ?1").bind(`prof_${moving}_0`).run();
            return results;
          }
        : undefined,
    );
    const started = await startMove(d, moving, "SHARD_2");
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
