import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ShardMeter } from "../../durable-objects/shard-meter.ts";
import { shardMeter } from "../../worker/context/shard-meter.ts";
import { meterShardWrites } from "../../worker/services/ingest/meter-shard-writes.ts";
import { unreachableD1 } from "../helpers/faulty-d1.ts";
import { serviceDeps } from "../helpers/service-context.ts";
import { waitFor } from "../helpers/wait-for.ts";

type Row = { shard: string; minute: number; d1_ms: number; batches: number; events: number };

// A shard name of this test's own, so its rows in shard_write_times are no other test's.
const testShard = () => `SHARD_T${crypto.randomUUID().replaceAll("-", "")}`;
const writtenRows = async (shard: string) => (await env.DB.prepare("select shard, minute, d1_ms, batches, events from shard_write_times where shard = ? order by minute").bind(shard).all<Row>()).results;
const MINUTE = 60_000;

describe("shard meter", () => {
  it("adds every isolate's writes on a shard by minute and writes the sums from its alarm, not per batch", async () => {
    const shard = testShard();
    const at = Math.floor(Date.now() / MINUTE) * MINUTE;
    const deps = serviceDeps();
    await meterShardWrites({ ctx: deps, input: { writes: [{ shard, d1Ms: 3, events: 20, at }, { shard, d1Ms: 4, events: 40, at: at + 1 }, { shard, d1Ms: 5, events: 1, at: at + MINUTE }] } });
    await meterShardWrites({ ctx: deps, input: { writes: [{ shard, d1Ms: 2, events: 20, at: at + 2 }] } });

    const rows = await waitFor(async () => {
      const found = await writtenRows(shard);
      return found.reduce((sum, row) => sum + row.batches, 0) === 4 && found;
    }, { what: "the meter's alarm writing four batches" });
    expect(rows).toEqual([
      { shard, minute: at, d1_ms: 9, batches: 3, events: 80 },
      { shard, minute: at + MINUTE, d1_ms: 5, batches: 1, events: 1 },
    ]);
  });

  it("keeps the sums when the control database refuses the write, and writes them on the alarm's retry", async () => {
    const shard = testShard();
    const stub = shardMeter(env, shard);
    const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
    const down = unreachableD1(env.DB, "D1_ERROR: database unavailable");
    const pending = await runInDurableObject(stub, async (_meter: ShardMeter, state) => {
      // Put in storage directly, without the alarm `record` sets, so only the runs below write them.
      state.storage.sql.exec("insert into pending (shard, minute, d1_ms, batches, events) values (?, ?, 7, 2, 40)", shard, minute);
      await expect(new ShardMeter(state, { ...env, DB: down }).alarm()).rejects.toThrow("database unavailable");
      const kept = state.storage.sql.exec<Row>("select shard, minute, d1_ms, batches, events from pending").toArray();
      await new ShardMeter(state, env).alarm();
      return { kept, after: state.storage.sql.exec("select shard from pending").toArray().length };
    });
    expect(pending.kept).toEqual([{ shard, minute, d1_ms: 7, batches: 2, events: 40 }]);
    expect(pending.after).toBe(0);
    expect(await writtenRows(shard)).toEqual([{ shard, minute, d1_ms: 7, batches: 2, events: 40 }]);
  });
});
