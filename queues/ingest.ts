import { errorMessage } from "../worker/lib/log.ts";
import { CONTROL_SHARD, forTenant, type Deps } from "../worker/context/deps.ts";
import type { Db } from "../worker/db/client.ts";
import { mergeIngestPlan, newIngestPlan, type IngestPlan } from "../worker/services/ingest/ingest-plan.ts";
import { dropRedactedSubjects } from "../worker/services/ingest/drop-redacted-subjects.ts";
import { loadControlLookups, loadShardLookups, type ControlLookups } from "../worker/services/ingest/load-ingest-lookups.ts";
import { meterShardWrites, type ShardWrite } from "../worker/services/ingest/meter-shard-writes.ts";
import { planIngestMessage } from "../worker/services/ingest/plan-ingest-message.ts";
import { writeIngestPlan, type PlanTarget } from "../worker/services/ingest/write-ingest-plan.ts";
import { runLifecycleEffects } from "../worker/services/lifecycle/run-lifecycle-effects.ts";
import { isTombstoned } from "../worker/services/privacy/index.ts";
import { IngestMessageSchema, type IngestMessage } from "./messages.ts";
import { recordDeadLetters, type DeadLetter } from "../worker/services/dead-letters/record-dead-letters.ts";
import { invalidBodyReason, requeueFrozen, retryMessage, type BatchOutcome, type FrozenMessages } from "./run-messages.ts";

type Entry = { message: Message<unknown>; body: IngestMessage };
type Planned = { message: Message<unknown>; plan: IngestPlan };
type Shard = PlanTarget & { db: Db; control: { db: Db; d1: D1Database } };
type Group = { name: string; shard: Shard; entries: Entry[] };
type Retry = (message: Message<unknown>, error: unknown) => void;

/** The tenant a message writes for; null for a shop with no tenant, or a tenant erased (its plan is empty). */
function tenantOf(body: IngestMessage, control: ControlLookups): string | null {
  const tenantId =
    body.type === "webhook" ? control.tenantIdByShop.get(body.shop)
    : body.type === "pixel" ? body.tenantId
    : body.type === "quarantine" ? (body.tenantId ?? (body.shop ? control.tenantIdByShop.get(body.shop) : undefined))
    : body.tenantId;
  if (!tenantId || isTombstoned(control.tombstones, { tenantId })) return null;
  return tenantId;
}

/**
 * Groups messages by the shard their tenant's directory entry names (a replay names the tenant of its quarantine
 * row). Messages without a tenant stay in the control database. A tenant frozen by a move, or without an entry, has
 * its messages retried with a delay: never written elsewhere, never acked.
 */
async function groupByShard(entries: readonly Entry[], control: ControlLookups, deps: Deps, retry: Retry): Promise<Map<string, Group>> {
  const home: Shard = { db: deps.db, d1: deps.d1, control: { db: deps.db, d1: deps.d1 } };
  const tenantIds = [...new Set(entries.map((entry) => tenantOf(entry.body, control)).filter((id) => id !== null))];
  const resolved = new Map(
    await Promise.all(tenantIds.map(async (id) => [id, await forTenant(deps, id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))] as const)),
  );
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const tenantId = tenantOf(entry.body, control);
    const ctx = tenantId ? resolved.get(tenantId) : undefined;
    if (ctx instanceof Error) {
      retry(entry.message, ctx);
      continue;
    }
    const name = ctx?.shard ?? CONTROL_SHARD;
    const group = groups.get(name) ?? { name, shard: ctx ?? home, entries: [] };
    group.entries.push(entry);
    groups.set(name, group);
  }
  return groups;
}

/**
 * Maps every message, then writes the batch as one plan per shard, shards in parallel (worker/services/ingest/
 * write-ingest-plan.ts says in what order a plan's databases are written). If a shard's write fails, each of its
 * messages is written alone so one bad message retries (then dead-letters) without holding back the rest. A message
 * is acked once its plan is written and its lifecycle effects have run; effects never run before their rows are written.
 * D1's time for each shard's write goes to the shard's meter after the batch (meter-shard-writes.ts).
 */
export async function consumeIngest(batch: MessageBatch<unknown>, deps: Deps, waitUntil: (promise: Promise<unknown>) => void): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { messages: batch.messages.length, acked: 0, retried: 0, invalid: 0 };
  const valid: Entry[] = [];
  const invalid: DeadLetter[] = [];
  for (const message of batch.messages) {
    const parsed = IngestMessageSchema.safeParse(message.body);
    if (parsed.success) valid.push({ message, body: parsed.data });
    else invalid.push({ message, reason: invalidBodyReason(parsed.error, message.body) });
  }
  if (invalid.length > 0) {
    await recordDeadLetters({ ctx: deps, input: { queue: batch.queue, letters: invalid } });
    for (const { message } of invalid) message.ack();
    outcome.invalid = outcome.acked = invalid.length;
  }

  // A frozen tenant's messages go back on the queue as new ones: a long move never dead-letters its traffic.
  const frozen: FrozenMessages = [];
  const retry: Retry = (message, error) => {
    retryMessage(message, error, deps, batch.queue, frozen);
    outcome.retried++;
  };
  const writes: ShardWrite[] = [];
  try {
    await consumeValid(valid, deps, retry, outcome, writes);
  } finally {
    if (writes.length > 0) waitUntil(meterShardWrites({ ctx: deps, input: { writes } }));
    await requeueFrozen(deps.env.INGEST_QUEUE, frozen);
  }
  return outcome;
}

/** Each shard's write goes to `writes`, with D1's time for it. */
async function consumeValid(valid: readonly Entry[], deps: Deps, retry: Retry, outcome: BatchOutcome, writes: ShardWrite[]): Promise<void> {
  let control: ControlLookups;
  let groups: Awaited<ReturnType<typeof groupByShard>>;
  try {
    control = await loadControlLookups({ ctx: deps, input: { messages: valid.map((entry) => entry.body) } });
    groups = await groupByShard(valid, control, deps, retry);
  } catch (error) {
    for (const { message } of valid) retry(message, error);
    return;
  }
  await Promise.all([...groups.values()].map((group) => consumeOnShard(group, control, deps, retry, outcome, writes)));
}

async function consumeOnShard(group: Group, control: ControlLookups, deps: Deps, retry: Retry, outcome: BatchOutcome, writes: ShardWrite[]): Promise<void> {
  const { shard, entries } = group;
  const write = async (plan: IngestPlan) => {
    const { shardMs } = await writeIngestPlan({ ctx: shard, input: { plan } });
    writes.push({ shard: group.name, d1Ms: shardMs, events: plan.events.length, at: Date.now() });
  };
  let lookups: Awaited<ReturnType<typeof loadShardLookups>>;
  try {
    lookups = await loadShardLookups({ ctx: shard, input: { messages: entries.map((entry) => entry.body), control } });
  } catch (error) {
    for (const { message } of entries) retry(message, error);
    return;
  }
  const planned: Planned[] = [];
  for (const { message, body } of entries) {
    try {
      planned.push({ message, plan: await planIngestMessage({ ctx: deps, input: { message: body, lookups } }) });
    } catch (error) {
      retry(message, error);
    }
  }

  try {
    const ctx = { config: deps.config, log: deps.log, db: shard.db };
    await dropRedactedSubjects({ ctx, input: { plans: planned.map((entry) => entry.plan), tenantsWithRedactions: lookups.tenantsWithRedactions } });
  } catch (error) {
    for (const { message } of planned) retry(message, error);
    return;
  }

  const finish = async ({ message, plan }: Planned) => {
    try {
      await runLifecycleEffects({ ctx: deps, input: { effects: plan.effects } });
      message.ack();
      outcome.acked++;
    } catch (error) {
      retry(message, error);
    }
  };
  try {
    await write(planned.reduce((all, entry) => mergeIngestPlan(all, entry.plan), newIngestPlan()));
  } catch (error) {
    deps.log.warn("ingest batch write failed; writing messages one by one", { error: errorMessage(error) });
    for (const entry of planned) {
      try {
        await write(entry.plan);
      } catch (single) {
        retry(entry.message, single);
        continue;
      }
      await finish(entry);
    }
    return;
  }
  for (const entry of planned) await finish(entry);
}
