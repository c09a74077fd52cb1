import { errorMessage } from "../worker/lib/log.ts";
import type { Deps } from "../worker/context/deps.ts";
import { mergeIngestPlan, newIngestPlan, type IngestPlan } from "../worker/services/ingest/ingest-plan.ts";
import { dropRedactedSubjects } from "../worker/services/ingest/drop-redacted-subjects.ts";
import { loadIngestLookups } from "../worker/services/ingest/load-ingest-lookups.ts";
import { planIngestMessage } from "../worker/services/ingest/plan-ingest-message.ts";
import { writeIngestPlan } from "../worker/services/ingest/write-ingest-plan.ts";
import { runLifecycleEffects } from "../worker/services/lifecycle/run-lifecycle-effects.ts";
import { IngestMessageSchema, type IngestMessage } from "./messages.ts";
import { recordDeadLetters, type DeadLetter } from "../worker/services/dead-letters/record-dead-letters.ts";
import { invalidBodyReason, retryDelaySeconds, type BatchOutcome } from "./run-messages.ts";

type Planned = { message: Message<unknown>; plan: IngestPlan };

/**
 * Maps every message, then writes the whole batch as one D1 transaction. If that write fails, each message is
 * written alone so one bad message retries (then dead-letters) without holding back the rest. A message is acked
 * once its plan is written and its lifecycle effects have run; effects never run before their rows are written.
 */
export async function consumeIngest(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { messages: batch.messages.length, acked: 0, retried: 0, invalid: 0 };
  const valid: { message: Message<unknown>; body: IngestMessage }[] = [];
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

  const retry = (message: Message<unknown>, error: unknown) => {
    deps.log.warn("ingest message failed", { attempts: message.attempts, error: errorMessage(error) });
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    outcome.retried++;
  };
  let lookups: Awaited<ReturnType<typeof loadIngestLookups>>;
  try {
    lookups = await loadIngestLookups({ ctx: deps, input: { messages: valid.map((entry) => entry.body) } });
  } catch (error) {
    for (const { message } of valid) retry(message, error);
    return outcome;
  }
  const planned: Planned[] = [];
  for (const { message, body } of valid) {
    try {
      planned.push({ message, plan: await planIngestMessage({ ctx: deps, input: { message: body, lookups } }) });
    } catch (error) {
      retry(message, error);
    }
  }

  try {
    await dropRedactedSubjects({ ctx: deps, input: { plans: planned.map((entry) => entry.plan), tenantsWithRedactions: lookups.tenantsWithRedactions } });
  } catch (error) {
    for (const { message } of planned) retry(message, error);
    return outcome;
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
    await writeIngestPlan({ ctx: deps, input: { plan: planned.reduce((all, entry) => mergeIngestPlan(all, entry.plan), newIngestPlan()) } });
  } catch (error) {
    deps.log.warn("ingest batch write failed; writing messages one by one", { error: errorMessage(error) });
    for (const entry of planned) {
      try {
        await writeIngestPlan({ ctx: deps, input: { plan: entry.plan } });
      } catch (single) {
        retry(entry.message, single);
        continue;
      }
      await finish(entry);
    }
    return outcome;
  }
  for (const entry of planned) await finish(entry);
  return outcome;
}
