import { QUEUE_NAMES } from "./messages.ts";

/** The binding that sends to a source queue named `queue`; null for a dead-letter queue or an unknown name. */
export function queueProducer(env: Env, queue: string): Queue | null {
  switch (queue) {
    case QUEUE_NAMES.ingest:
      return env.INGEST_QUEUE;
    case QUEUE_NAMES.backfill:
      return env.BACKFILL_QUEUE;
    case QUEUE_NAMES.shopifyWrites:
      return env.SHOPIFY_WRITES_QUEUE;
    case QUEUE_NAMES.privacy:
      return env.PRIVACY_QUEUE;
    default:
      return null;
  }
}
