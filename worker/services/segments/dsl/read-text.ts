import { err, ok, type Result } from "../../../lib/result.ts";
import { readAttributeRule, readEventRule } from "./read-rule.ts";
import type { RawNode } from "./raw-node.ts";
import type { SegmentError } from "./segment-error.ts";
import { ReadFailure, TokenCursor } from "./token-cursor.ts";
import { tokenize } from "./tokenize.ts";

const RESERVED = new Set(["and", "or", "not", "in", "between", "contains", "is", "set", "today"]);
export const MAX_NESTING = 32;
// `not (…)` nests twice in text but once in JSON, so text gets twice the depth and every AST still prints.
const MAX_TEXT_NESTING = 2 * MAX_NESTING;

/** Reads DSL text into raw nodes (syntax only, no attribute knowledge); precedence is not > and > or. */
export function readText(source: string): Result<RawNode, SegmentError> {
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  const cursor = new TokenCursor(lexed.value);
  try {
    const root = readOr(cursor, 0);
    if (cursor.peek().type === ")") cursor.fail("no `(` is open here");
    cursor.expectType("eof", "expected `and`, `or` or the end of the segment");
    return ok(root);
  } catch (error) {
    if (error instanceof ReadFailure) return err(error.error);
    throw error;
  }
}

function readOr(cursor: TokenCursor, depth: number): RawNode {
  const children = [readAnd(cursor, depth)];
  while (cursor.isWord("or")) {
    cursor.next();
    children.push(readAnd(cursor, depth));
  }
  return children.length === 1 ? (children[0] as RawNode) : { type: "or", children };
}

function readAnd(cursor: TokenCursor, depth: number): RawNode {
  const children = [readUnary(cursor, depth)];
  while (cursor.isWord("and")) {
    cursor.next();
    children.push(readUnary(cursor, depth));
  }
  return children.length === 1 ? (children[0] as RawNode) : { type: "and", children };
}

function readUnary(cursor: TokenCursor, depth: number): RawNode {
  if (!cursor.isWord("not")) return readPrimary(cursor, depth);
  tooDeep(cursor, depth);
  cursor.next();
  return { type: "not", child: readUnary(cursor, depth + 1) };
}

function readPrimary(cursor: TokenCursor, depth: number): RawNode {
  const token = cursor.peek();
  if (token.type === "(") {
    tooDeep(cursor, depth);
    cursor.next();
    const inner = readOr(cursor, depth + 1);
    cursor.expectType(")", `expected \`)\` to close the \`(\` at line ${token.line}, column ${token.column}`);
    return inner;
  }
  if (token.type !== "ident" || RESERVED.has(String(token.value))) {
    cursor.fail('expected a rule such as country = "US" or purchase.count(30d) >= 1, or `(`');
  }
  cursor.next();
  return cursor.peek().type === "." ? readEventRule(cursor, token) : readAttributeRule(cursor, token);
}

function tooDeep(cursor: TokenCursor, depth: number): void {
  if (depth >= MAX_TEXT_NESTING) cursor.fail(`segments nest at most ${MAX_TEXT_NESTING} levels of \`(\` and \`not\``);
}
