import type { ShardMeter } from "../../durable-objects/shard-meter.ts";

/** The meter of a data shard's ingest write times: one per D1 binding name, addressed by it. */
export function shardMeter(env: Env, shard: string): DurableObjectStub<ShardMeter> {
  return env.SHARD_METER.getByName(shard);
}
