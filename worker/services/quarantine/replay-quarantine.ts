import type { IngestMessage } from "../../../queues/messages.ts";
import type { Deps } from "../../context/deps.ts";
import { getQuarantine } from "./list-quarantine.ts";

/**
 * Queues a quarantined input to run through the current mapping again; the ingest consumer writes the outcome to
 * the row (`replayed_at`, `replay_result`). False when the row does not exist.
 */
export async function replayQuarantine(args: { ctx: Deps; input: { id: string } }): Promise<boolean> {
  const { ctx, input } = args;
  const { id } = input;
  if (!(await getQuarantine({ ctx, input: { id } }))) return false;
  await ctx.env.INGEST_QUEUE.send({ type: "replay", quarantineId: id } satisfies IngestMessage);
  ctx.log.info("quarantine replay queued", { quarantineId: id });
  return true;
}
