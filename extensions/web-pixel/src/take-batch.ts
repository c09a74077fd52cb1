export type BatchLimits = { maxBatchEvents: number; maxBatchBytes: number };

// Room for `{"token":"…","events":}` around the events array, for any token up to 1,000 bytes.
const ENVELOPE_BYTES = 1_024;
const encoder = new TextEncoder();

/**
 * Takes the next batch off the front of the queue within the limits; the whole request body stays under
 * maxBatchBytes. An event that cannot fit even alone is dropped.
 */
export function takeBatch<T>(queue: readonly T[], limits: BatchLimits): { batch: T[]; rest: T[] } {
  const budget = limits.maxBatchBytes - ENVELOPE_BYTES;
  const batch: T[] = [];
  let bytes = 2;
  let taken = 0;
  for (; taken < queue.length && batch.length < limits.maxBatchEvents; taken++) {
    const size = encoder.encode(JSON.stringify(queue[taken])).length;
    if (size + 2 > budget) continue;
    const added = batch.length > 0 ? size + 1 : size;
    if (bytes + added > budget) break;
    batch.push(queue[taken]!);
    bytes += added;
  }
  return { batch, rest: queue.slice(taken) };
}
