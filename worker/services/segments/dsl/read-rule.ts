import { ALL_TIME, COMPARE_OPS, type AttributeOp, type CompareOp } from "./ast.ts";
import type { RawNode, RawValue } from "./raw-node.ts";
import { locate, type TokenCursor } from "./token-cursor.ts";
import type { Token } from "./tokenize.ts";

const OP_HINT = "operators are = != < <= > >=, in (...), not in (...), between a and b, contains, not contains, is set, is not set";
const VALUE_HINT = 'strings are double-quoted ("US"), numbers plain (200), dates 2026-01-01, -90d or today';

/** `<event>.count(<window>) <op> <value>`, the name token already consumed. */
export function readEventRule(cursor: TokenCursor, event: Token): RawNode {
  cursor.expectType(".", "expected `.count(window)`");
  cursor.expectWord("count", "events support `.count(window)`, e.g. purchase.count(30d) >= 1");
  cursor.expectType("(", "expected `(` and a window, e.g. count(30d)");
  const window = cursor.peek();
  if ((window.type !== "duration" || String(window.value).startsWith("-")) && !cursor.isWord(ALL_TIME, window)) {
    cursor.fail("a window is a length with a unit (30d, 12h or 8w) or `all`");
  }
  cursor.next();
  cursor.expectType(")", "expected `)` after the window");
  const op = cursor.expectType("op", "compare the count with = != < <= > >= and a number, e.g. >= 1");
  return {
    type: "event",
    event: String(event.value),
    eventAt: locate(event),
    window: window.type === "duration" ? String(window.value) : ALL_TIME,
    windowAt: locate(window),
    op: op.value as CompareOp,
    opAt: locate(op),
    value: readValue(cursor),
  };
}

/** `<attr> <operator> <value(s)>`, the attribute token already consumed. */
export function readAttributeRule(cursor: TokenCursor, attr: Token): RawNode {
  const opToken = cursor.peek();
  const rule = (op: AttributeOp, values: RawValue[]): RawNode => ({
    type: "attr",
    attr: String(attr.value),
    attrAt: locate(attr),
    op,
    opAt: locate(opToken),
    values,
  });
  if (opToken.type === "op" && (COMPARE_OPS as readonly string[]).includes(opToken.text)) {
    cursor.next();
    return rule(opToken.value as CompareOp, [readValue(cursor)]);
  }
  if (cursor.isWord("in") || cursor.isWord("contains")) {
    cursor.next();
    return opToken.value === "in" ? rule("in", readList(cursor)) : rule("contains", [readValue(cursor)]);
  }
  if (cursor.isWord("not")) {
    cursor.next();
    if (cursor.isWord("in")) {
      cursor.next();
      return rule("not in", readList(cursor));
    }
    cursor.expectWord("contains", "expected `in` or `contains` after `not`");
    return rule("not contains", [readValue(cursor)]);
  }
  if (cursor.isWord("between")) {
    cursor.next();
    const low = readValue(cursor);
    cursor.expectWord("and", "write between <low> and <high>");
    return rule("between", [low, readValue(cursor)]);
  }
  if (cursor.isWord("is")) {
    cursor.next();
    const negated = cursor.isWord("not");
    if (negated) cursor.next();
    cursor.expectWord("set", "write `is set` or `is not set`");
    return rule(negated ? "is not set" : "is set", []);
  }
  return cursor.fail(`expected an operator after \`${attr.text}\`; ${OP_HINT}`);
}

function readList(cursor: TokenCursor): RawValue[] {
  cursor.expectType("(", 'a list is written in parentheses: in ("US", "CA")');
  const values = [readValue(cursor)];
  while (cursor.peek().type === ",") {
    cursor.next();
    values.push(readValue(cursor));
  }
  cursor.expectType(")", "expected `,` or `)` in the list");
  return values;
}

function readValue(cursor: TokenCursor): RawValue {
  const token = cursor.peek();
  const kind = token.type === "string" || token.type === "number" ? token.type : isDateToken(cursor, token) ? "date" : undefined;
  if (kind === undefined) return cursor.fail(`expected a value; ${VALUE_HINT}`);
  cursor.next();
  return { kind, value: token.value, at: locate(token) };
}

const isDateToken = (cursor: TokenCursor, token: Token) =>
  token.type === "date" || token.type === "duration" || cursor.isWord("today", token);
