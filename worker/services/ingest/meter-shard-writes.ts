import type { Deps } from "../../context/deps.ts";
import { shardMeter } from "../../context/shard-meter.ts";
import { errorMessage } from "../../lib/log.ts";
import type { ShardWriteSums } from "./write-shard-write-times.ts";

const MINUTE_MS = 60_000;

/** One write of the ingest consumer on a shard: D1's own time for it (`meta.duration` summed over its statements). */
export type ShardWrite = { shard: string; d1Ms: number; events: number; at: number };

/**
 * Hands a queue batch's D1 times to each shard's meter (durable-objects/shard-meter.ts), which writes them to the
 * control database at most once a second: for `waitUntil`, never a D1 write per batch nor a wait for one. A meter
 * that cannot be reached loses these figures, logged; they are an operator's view, never worth retrying a batch for.
 */
export async function meterShardWrites(args: { ctx: Pick<Deps, "env" | "log">; input: { writes: readonly ShardWrite[] } }): Promise<void> {
  const { ctx, input } = args;
  const byShard = new Map<string, Map<number, ShardWriteSums>>();
  for (const write of input.writes) {
    const minute = write.at - (write.at % MINUTE_MS);
    const minutes = byShard.get(write.shard) ?? new Map<number, ShardWriteSums>();
    const sums = minutes.get(minute) ?? { shard: write.shard, minute, d1Ms: 0, batches: 0, events: 0 };
    sums.d1Ms += write.d1Ms;
    sums.batches++;
    sums.events += write.events;
    minutes.set(minute, sums);
    byShard.set(write.shard, minutes);
  }
  await Promise.all(
    [...byShard].map(async ([shard, minutes]) => {
      try {
        await shardMeter(ctx.env, shard).record([...minutes.values()]);
      } catch (error) {
        ctx.log.warn("shard write times not recorded", { shard, error: errorMessage(error) });
      }
    }),
  );
}
