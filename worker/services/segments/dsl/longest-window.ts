import { ALL_TIME, isAnd, isEventRule, isNot, isOr, type SegmentNode } from "./ast.ts";
import { windowToMs } from "./resolve-date.ts";

const DAY_MS = 86_400_000;

/** The longest event window of a checked rule, in whole days rounded up (`12h` is 1); 0 without windowed counts. */
export function longestWindowDays(node: SegmentNode): number {
  if (isAnd(node)) return Math.max(0, ...node.and.map(longestWindowDays));
  if (isOr(node)) return Math.max(0, ...node.or.map(longestWindowDays));
  if (isNot(node)) return longestWindowDays(node.not);
  if (isEventRule(node) && node.window !== ALL_TIME) return Math.ceil(windowToMs(node.window) / DAY_MS);
  return 0;
}
