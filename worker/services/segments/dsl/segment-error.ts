/** Where an error points: 1-based line/column of the offending token in text, or a `$.and[1].value` path in JSON. */
export type SegmentLocation = { line: number; column: number } | { path: string };

export type SegmentError = { message: string; hint?: string } & SegmentLocation;

export const segmentError = (at: SegmentLocation, message: string, hint?: string): SegmentError =>
  hint === undefined ? { message, ...at } : { message, hint, ...at };
