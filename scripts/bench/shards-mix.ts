/** Whether request `n` of a shards load is a webhook: the two tenants take turns, each sending three pixel batches, then one. */
export const isShardsWebhook = (n: number) => Math.floor(n / 2) % 4 === 3;

/** The events a shards load of `requests` requests carries when every one is accepted: 20 per pixel batch, 1 per webhook. */
export function shardsLoadEvents(requests: number, eventsPerBatch: number): number {
  let events = 0;
  for (let n = 0; n < requests; n++) events += isShardsWebhook(n) ? 1 : eventsPerBatch;
  return events;
}
