import { DurableObject } from "cloudflare:workers";
import { parseConfig } from "../worker/env.ts";
import { createLogger } from "../worker/lib/log.ts";
import { createDeps, type Deps } from "../worker/context/deps.ts";
import { writeShardWriteTimes, type ShardWriteSums } from "../worker/services/ingest/write-shard-write-times.ts";

const SCHEMA = `
  create table if not exists pending (shard text not null, minute integer not null, d1_ms integer not null,
    batches integer not null, events integer not null, primary key (shard, minute));
`;
const ADD = `
  insert into pending (shard, minute, d1_ms, batches, events) values (?, ?, ?, ?, ?)
  on conflict (shard, minute) do update set d1_ms = d1_ms + excluded.d1_ms, batches = batches + excluded.batches,
    events = events + excluded.events
`;

/**
 * One object per data shard (`SHARD_METER.getByName(shard)`): it adds up the D1 time of the ingest consumer's writes
 * on that shard, from every isolate, and writes the sums to the control database's `shard_write_times` from an
 * alarm, at most once per `SHARD_WRITE_FLUSH_MS`. No consumer invocation waits for that write.
 */
export class ShardMeter extends DurableObject<Env> {
  #deps: Deps | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
  }

  #controlDeps(): Deps {
    if (!this.#deps) {
      const parsed = parseConfig(this.env);
      if (!parsed.ok) throw new Error(`bad environment: ${parsed.issues.join("; ")}`);
      this.#deps = createDeps(this.env, parsed.config, createLogger({ job: "shard-meter" }));
    }
    return this.#deps;
  }

  /** Adds sums to what the next alarm writes; kept in storage, so an eviction before the alarm loses none. */
  async record(sums: readonly ShardWriteSums[]): Promise<void> {
    this.#add(sums);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + this.#controlDeps().config.SHARD_WRITE_FLUSH_MS);
  }

  #add(sums: readonly ShardWriteSums[]): void {
    for (const row of sums) this.ctx.storage.sql.exec(ADD, row.shard, row.minute, row.d1Ms, row.batches, row.events);
  }

  // Taken out of storage before the write, so sums recorded while it runs wait for the next alarm; put back if it
  // fails, and the alarm is retried.
  override async alarm(): Promise<void> {
    const rows = this.ctx.storage.sql
      .exec<{ shard: string; minute: number; d1_ms: number; batches: number; events: number }>("delete from pending returning shard, minute, d1_ms, batches, events")
      .toArray()
      .map((row) => ({ shard: row.shard, minute: row.minute, d1Ms: row.d1_ms, batches: row.batches, events: row.events }));
    if (rows.length === 0) return;
    try {
      await writeShardWriteTimes({ ctx: this.#controlDeps(), input: { rows, now: Date.now() } });
    } catch (error) {
      this.#add(rows);
      throw error;
    }
  }
}
