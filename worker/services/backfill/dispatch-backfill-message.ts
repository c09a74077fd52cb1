import type { BackfillMessage } from "../../../queues/backfill-messages.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { pollBackfill } from "./poll-backfill.ts";
import { reconcileResource } from "./reconcile-resource.ts";
import { runBackfillChunk } from "./run-backfill-chunk.ts";
import { startBackfill } from "./start-backfill.ts";

export function dispatchBackfillMessage(args: { ctx: BackfillContext; input: BackfillMessage }): Promise<void> {
  const { ctx, input } = args;
  switch (input.type) {
    case "start":
      return startBackfill({ ctx, input });
    case "poll":
      return pollBackfill({ ctx, input });
    case "chunk":
      return runBackfillChunk({ ctx, input });
    case "reconcile":
      return reconcileResource({ ctx, input });
  }
}
