import type { Result } from "../../../lib/result.ts";
import type { SegmentKind, SegmentNode } from "./ast.ts";
import { checkNode } from "./check-node.ts";
import { readJson } from "./read-json.ts";
import { readText } from "./read-text.ts";
import type { SegmentError } from "./segment-error.ts";

/**
 * Parses DSL text (a string) or the JSON form (any other value) into the typed AST of a customer or product
 * segment. Text errors carry 1-based `line`/`column`, JSON errors a `path`.
 */
export function parseSegment(input: unknown, kind: SegmentKind): Result<SegmentNode, SegmentError> {
  const raw = typeof input === "string" ? readText(input) : readJson(input);
  return raw.ok ? checkNode(raw.value, kind) : raw;
}
