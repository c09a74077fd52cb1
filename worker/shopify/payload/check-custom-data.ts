/** Web Pixels `customData` is the one part of an event stored as sent: these bound what one event can make us keep. */
export const MAX_CUSTOM_DATA_DEPTH = 10;
export const MAX_CUSTOM_DATA_BYTES = 8_192;

/** Why this custom data cannot be stored, or null when it is within the limits. Stops at the first level too deep. */
export function customDataProblem(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (depthOver(value, MAX_CUSTOM_DATA_DEPTH)) return `custom data nested deeper than ${MAX_CUSTOM_DATA_DEPTH} levels`;
  const json = JSON.stringify(value);
  // A UTF-16 unit is at most 3 UTF-8 bytes: encode only when the text could be over the limit.
  if (json.length * 3 > MAX_CUSTOM_DATA_BYTES && new TextEncoder().encode(json).byteLength > MAX_CUSTOM_DATA_BYTES) {
    return `custom data larger than ${MAX_CUSTOM_DATA_BYTES} bytes`;
  }
  return null;
}

function depthOver(root: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
