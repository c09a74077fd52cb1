import { err, ok, type Result } from "../../../lib/result.ts";
import { segmentError, type SegmentError } from "./segment-error.ts";

export type TokenType = "ident" | "string" | "number" | "date" | "duration" | "op" | "(" | ")" | "," | "." | "eof";

/** `value` is the lowercase word for idents, the unescaped text for strings, the number for numbers, else the text. */
export type Token = { type: TokenType; text: string; value: string | number; line: number; column: number };

const DIGITS = /[0-9]/;
const WORD_START = /[A-Za-z_]/;
const WORD = /[A-Za-z0-9_]/;
const NUMERIC_WORD = /^-?[0-9][A-Za-z0-9_.-]*/;
const DURATION_HINT = "write dates as 2026-01-01 or -90d/-12w/-6m/-1y, windows as 30d/12h/8w, numbers as 200 or 19.99";

/** Splits DSL text into tokens; `#` starts a comment that runs to the end of the line. */
export function tokenize(source: string): Result<Token[], SegmentError> {
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const at = (offset: number) => ({ line, column: offset - lineStart + 1 });
  const push = (type: TokenType, text: string, value: string | number, start: number) =>
    tokens.push({ type, text, value, ...at(start) });

  while (index < source.length) {
    const char = source[index] ?? "";
    const start = index;
    if (char === "\n") {
      index++;
      line++;
      lineStart = index;
    } else if (/\s/.test(char)) {
      index++;
    } else if (char === "#") {
      while (index < source.length && source[index] !== "\n") index++;
    } else if (char === '"') {
      const read = readString(source, index);
      if (!read.ok) return err(segmentError(at(read.error.offset), read.error.message, read.error.hint));
      push("string", source.slice(start, read.value.end), read.value.text, start);
      index = read.value.end;
    } else if (char === "'") {
      return err(segmentError(at(start), "strings use double quotes", 'write "text" instead of \'text\''));
    } else if (DIGITS.test(char) || (char === "-" && DIGITS.test(source[index + 1] ?? ""))) {
      const text = NUMERIC_WORD.exec(source.slice(index))?.[0] ?? char;
      const token = classifyNumeric(text);
      if (token === undefined) return err(segmentError(at(start), `\`${text}\` is not a number, date or duration`, DURATION_HINT));
      push(token.type, text, token.value, start);
      index += text.length;
    } else if (WORD_START.test(char)) {
      while (index < source.length && WORD.test(source[index] ?? "")) index++;
      const text = source.slice(start, index);
      push("ident", text, text.toLowerCase(), start);
    } else if (char === "(" || char === ")" || char === "," || char === ".") {
      push(char, char, char, start);
      index++;
    } else {
      const op = readOperator(source.slice(index, index + 2));
      if (!op.ok) return err(segmentError(at(start), op.error.message, op.error.hint));
      push("op", op.value, op.value, start);
      index += op.value.length;
    }
  }
  tokens.push({ type: "eof", text: "", value: "", ...at(index) });
  return ok(tokens);
}

function classifyNumeric(text: string): { type: TokenType; value: string | number } | undefined {
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(text)) return { type: "number", value: Number(text) };
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return { type: "date", value: text };
  if (/^-?[0-9]+[A-Za-z]$/.test(text)) return { type: "duration", value: text.toLowerCase() };
  return undefined;
}

type LexProblem = { offset: number; message: string; hint: string };

function readString(source: string, open: number): Result<{ text: string; end: number }, LexProblem> {
  let text = "";
  for (let index = open + 1; index < source.length; index++) {
    const char = source[index];
    if (char === '"') return ok({ text, end: index + 1 });
    if (char === "\n") break;
    if (char === "\\") {
      const next = source[index + 1];
      if (next !== '"' && next !== "\\") {
        return err({ offset: index, message: `unknown escape \`\\${next ?? ""}\``, hint: 'inside a string only \\" and \\\\ are escapes' });
      }
      text += next;
      index++;
    } else {
      text += char;
    }
  }
  return err({ offset: open, message: "unterminated string", hint: 'close the string with " on the same line' });
}

function readOperator(two: string): Result<string, { message: string; hint: string }> {
  if (two === "==") return err({ message: "unexpected `==`", hint: "equality is a single `=`" });
  if (two === "<>") return err({ message: "unexpected `<>`", hint: "write `!=` for not equal" });
  if (two === "!=" || two === "<=" || two === ">=") return ok(two);
  const one = two.slice(0, 1);
  if (one === "=" || one === "<" || one === ">") return ok(one);
  return err({ message: `unexpected character \`${one}\``, hint: "operators are = != < <= > >=, in, between, contains, is set" });
}
