import { parseConfig } from "../worker/env.ts";
import { createLogger, errorMessage } from "../worker/lib/log.ts";
import { createDeps } from "../worker/context/deps.ts";
import { consumeBackfill } from "./backfill.ts";
import { consumeDeadLetters } from "./dead-letter.ts";
import { consumeIngest } from "./ingest.ts";
import { QUEUE_NAMES } from "./messages.ts";
import { consumePrivacy } from "./privacy.ts";
import type { BatchOutcome } from "./run-messages.ts";
import { consumeShopifyWrites } from "./shopify-writes.ts";

/** `queue()` entry: one consumer per queue, one structured log line per batch. */
export async function consumeQueue(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const started = Date.now();
  const log = createLogger({ queue: batch.queue });
  const parsed = parseConfig(env);
  if (!parsed.ok) {
    log.error("bad environment", { issues: parsed.issues });
    batch.retryAll({ delaySeconds: 60 });
    return;
  }
  const deps = createDeps(env, parsed.config, log);
  let outcome: BatchOutcome;
  try {
    outcome = await dispatch(batch, deps, ctx);
  } catch (error) {
    log.error("batch failed", { messages: batch.messages.length, error: errorMessage(error), ms: Date.now() - started });
    throw error;
  }
  log.info("batch", { ...outcome, ms: Date.now() - started });
}

function dispatch(batch: MessageBatch<unknown>, deps: ReturnType<typeof createDeps>, ctx: ExecutionContext): Promise<BatchOutcome> {
  switch (batch.queue) {
    case QUEUE_NAMES.ingest:
      return consumeIngest(batch, deps, (promise) => ctx.waitUntil(promise));
    case QUEUE_NAMES.backfill:
      return consumeBackfill(batch, deps);
    case QUEUE_NAMES.shopifyWrites:
      return consumeShopifyWrites(batch, deps);
    case QUEUE_NAMES.privacy:
      return consumePrivacy(batch, deps);
    case QUEUE_NAMES.ingestDlq:
    case QUEUE_NAMES.backfillDlq:
    case QUEUE_NAMES.shopifyWritesDlq:
    case QUEUE_NAMES.privacyDlq:
      return consumeDeadLetters(batch, deps);
    default:
      throw new Error(`No consumer for queue ${batch.queue}`);
  }
}
