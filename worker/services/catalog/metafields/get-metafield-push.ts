import type { TenantContext } from "../../../context/deps.ts";
import { latestPushJobs, pushJobView, type PushJobView } from "./push-job.ts";

/** `current`: the push queued or running now; `last`: the newest finished one (started, finished, counts, errors). */
export type MetafieldPushStatus = { current: PushJobView | null; last: PushJobView | null };

export async function getMetafieldPush(args: { ctx: TenantContext }): Promise<MetafieldPushStatus> {
  const { latest, lastFinished } = await latestPushJobs({ ctx: args.ctx });
  const open = latest && (latest.status === "queued" || latest.status === "running") ? latest : undefined;
  return { current: open ? pushJobView(open) : null, last: lastFinished ? pushJobView(lastFinished) : null };
}
