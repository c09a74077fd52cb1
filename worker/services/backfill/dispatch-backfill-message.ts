import type { BackfillMessage } from "../../../queues/backfill-messages.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { pollBackfill } from "./poll-backfill.ts";
import { reconcileResource } from "./reconcile-resource.ts";
import { runBackfillChunk } from "./run-backfill-chunk.ts";
import { startBackfill } from "./start-backfill.ts";

export function dispatchBackfillMessage(ctx: BackfillContext, message: BackfillMessage): Promise<void> {
  switch (message.type) {
    case "start":
      return startBackfill(ctx, message);
    case "poll":
      return pollBackfill(ctx, message);
    case "chunk":
      return runBackfillChunk(ctx, message);
    case "reconcile":
      return reconcileResource(ctx, message);
  }
}
