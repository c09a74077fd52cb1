import { err, ok, type Result } from "../../../lib/result.ts";
import { COMPARE_OPS, type AttributeOp, type CompareOp } from "./ast.ts";
import type { RawNode, RawValue } from "./raw-node.ts";
import { segmentError, type SegmentError } from "./segment-error.ts";
import { tokenize, type Token } from "./tokenize.ts";

const RESERVED = new Set(["and", "or", "not", "in", "between", "contains", "is", "set"]);
const OP_HINT = "operators are = != < <= > >=, in (...), not in (...), between a and b, contains, not contains, is set, is not set";
const VALUE_HINT = 'strings are double-quoted ("US"), numbers plain (200), dates 2026-01-01, -90d or today';

class ReadFailure {
  constructor(readonly error: SegmentError) {}
}

/** Reads DSL text into raw nodes (syntax only); precedence is not > and > or. */
export function readText(source: string): Result<RawNode, SegmentError> {
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  const tokens = lexed.value;
  let position = 0;

  const peek = (): Token => tokens[position] ?? (tokens[tokens.length - 1] as Token);
  const next = (): Token => {
    const token = peek();
    if (token.type !== "eof") position++;
    return token;
  };
  const where = (token: Token) => ({ line: token.line, column: token.column });
  const isWord = (token: Token, word: string) => token.type === "ident" && token.value === word;
  const fail = (token: Token, hint: string): never => {
    const message = token.type === "eof" ? "unexpected end of input" : `unexpected \`${token.text}\``;
    throw new ReadFailure(segmentError(where(token), message, hint));
  };
  const expectWord = (word: string, hint: string): Token => (isWord(peek(), word) ? next() : fail(peek(), hint));

  function readOr(): RawNode {
    const children = [readAnd()];
    while (isWord(peek(), "or")) {
      next();
      children.push(readAnd());
    }
    return children.length === 1 ? (children[0] as RawNode) : { type: "or", children };
  }

  function readAnd(): RawNode {
    const children = [readUnary()];
    while (isWord(peek(), "and")) {
      next();
      children.push(readUnary());
    }
    return children.length === 1 ? (children[0] as RawNode) : { type: "and", children };
  }

  function readUnary(): RawNode {
    if (!isWord(peek(), "not")) return readPrimary();
    next();
    return { type: "not", child: readUnary() };
  }

  function readPrimary(): RawNode {
    const token = peek();
    if (token.type === "(") {
      next();
      const inner = readOr();
      if (peek().type !== ")") fail(peek(), `expected \`)\` to close the \`(\` at line ${token.line}, column ${token.column}`);
      next();
      return inner;
    }
    if (token.type !== "ident" || RESERVED.has(String(token.value))) {
      fail(token, 'expected a rule such as country = "US", purchase.count(30d) >= 1, or `(`');
    }
    next();
    return peek().type === "." ? readEventRule(token) : readAttributeRule(token);
  }

  function readEventRule(event: Token): RawNode {
    next();
    const fn = peek();
    if (!isWord(fn, "count")) fail(fn, "events support `.count(window)`, e.g. purchase.count(30d) >= 1");
    next();
    if (peek().type !== "(") fail(peek(), "expected `(` and a window, e.g. count(30d)");
    next();
    const window = peek();
    if (window.type !== "duration" || String(window.value).startsWith("-")) {
      fail(window, "a window is a length with a unit: 30d, 12h or 8w");
    }
    next();
    if (peek().type !== ")") fail(peek(), "expected `)` after the window");
    next();
    const op = peek();
    if (op.type !== "op") fail(op, "compare the count with = != < <= > >= and a number, e.g. >= 1");
    next();
    const value = readValue();
    return {
      type: "event",
      event: String(event.value),
      eventAt: where(event),
      window: String(window.value),
      windowAt: where(window),
      op: op.value as CompareOp,
      opAt: where(op),
      value,
    };
  }

  function readAttributeRule(attr: Token): RawNode {
    const opToken = peek();
    const rule = (op: AttributeOp, values: RawValue[]): RawNode => ({
      type: "attr",
      attr: String(attr.value),
      attrAt: where(attr),
      op,
      opAt: where(opToken),
      values,
    });
    if (opToken.type === "op" && (COMPARE_OPS as readonly string[]).includes(opToken.text)) {
      next();
      return rule(opToken.value as CompareOp, [readValue()]);
    }
    const word = opToken.type === "ident" ? String(opToken.value) : "";
    if (word === "in" || word === "contains") {
      next();
      return rule(word, word === "in" ? readList() : [readValue()]);
    }
    if (word === "not") {
      next();
      const negated = peek();
      if (!isWord(negated, "in") && !isWord(negated, "contains")) fail(negated, "expected `in` or `contains` after `not`");
      next();
      return isWord(negated, "in") ? rule("not in", readList()) : rule("not contains", [readValue()]);
    }
    if (word === "between") {
      next();
      const low = readValue();
      expectWord("and", "write between <low> and <high>");
      return rule("between", [low, readValue()]);
    }
    if (word === "is") {
      next();
      const negated = isWord(peek(), "not");
      if (negated) next();
      expectWord("set", "write `is set` or `is not set`");
      return rule(negated ? "is not set" : "is set", []);
    }
    return fail(opToken, `expected an operator after \`${attr.text}\`; ${OP_HINT}`);
  }

  function readList(): RawValue[] {
    if (peek().type !== "(") fail(peek(), 'a list is written in parentheses: in ("US", "CA")');
    next();
    const values = [readValue()];
    while (peek().type === ",") {
      next();
      values.push(readValue());
    }
    if (peek().type !== ")") fail(peek(), "expected `,` or `)` in the list");
    next();
    return values;
  }

  function readValue(): RawValue {
    const token = peek();
    const at = where(token);
    if (token.type === "string") return next(), { kind: "string", value: token.value, at };
    if (token.type === "number") return next(), { kind: "number", value: token.value, at };
    if (token.type === "date" || token.type === "duration" || isWord(token, "today")) {
      return next(), { kind: "date", value: token.value, at };
    }
    return fail(token, `expected a value; ${VALUE_HINT}`);
  }

  try {
    const root = readOr();
    const rest = peek();
    if (rest.type !== "eof") fail(rest, rest.type === ")" ? "no `(` is open here" : "expected `and`, `or` or the end of the segment");
    return ok(root);
  } catch (error) {
    if (error instanceof ReadFailure) return err(error.error);
    throw error;
  }
}
