import { ok, type Result } from "../../lib/result.ts";
import {
  compileSegment,
  compileSegmentCount,
  formatSegment,
  parseSegment,
  type CompiledSegment,
  type SegmentError,
  type SegmentKind,
  type SegmentNode,
} from "./dsl/index.ts";

/** Bound values the recompute statements add around the member query (tenant, segment and time, twice over). */
export const RECOMPUTE_RESERVED_PARAMS = 5;

export type SegmentQuery = { text: string; ast: SegmentNode };

/**
 * Reads a segment query given as DSL text or its JSON form. It also compiles it, so a query that saves is one the
 * recompute can run. Text is kept as written (comments, layout) so error positions match what the merchant sees.
 */
export function readSegmentQuery(query: unknown, kind: SegmentKind, tenantId: string, now: number): Result<SegmentQuery, SegmentError> {
  const ast = parseSegment(query, kind);
  if (!ast.ok) return ast;
  const compiled = compileMembers(ast.value, kind, tenantId, now);
  if (!compiled.ok) return compiled;
  return ok({ text: typeof query === "string" ? query : formatSegment(ast.value), ast: ast.value });
}

export const compileMembers = (ast: SegmentNode, kind: SegmentKind, tenantId: string, now: number): Result<CompiledSegment, SegmentError> =>
  compileSegment(ast, { kind, tenantId, now, reservedParams: RECOMPUTE_RESERVED_PARAMS });

export const compileMemberCount = (ast: SegmentNode, kind: SegmentKind, tenantId: string, now: number): Result<CompiledSegment, SegmentError> =>
  compileSegmentCount(ast, { kind, tenantId, now, reservedParams: RECOMPUTE_RESERVED_PARAMS });
