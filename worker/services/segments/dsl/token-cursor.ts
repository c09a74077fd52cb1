import { segmentError, type SegmentError } from "./segment-error.ts";
import type { Token } from "./tokenize.ts";

/** Thrown inside the reader only and turned into a result at its boundary. */
export class ReadFailure {
  readonly error: SegmentError;

  constructor(error: SegmentError) {
    this.error = error;
  }
}

/** A position in the token list; the last token is always `eof`. */
export class TokenCursor {
  #tokens: Token[];
  #position = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  peek(): Token {
    return this.#tokens[Math.min(this.#position, this.#tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== "eof") this.#position++;
    return token;
  }

  isWord(word: string, token = this.peek()): boolean {
    return token.type === "ident" && token.value === word;
  }

  fail(hint: string, token = this.peek()): never {
    const message = token.type === "eof" ? "unexpected end of input" : `unexpected \`${token.text}\``;
    throw new ReadFailure(segmentError(locate(token), message, hint));
  }

  expectWord(word: string, hint: string): Token {
    return this.isWord(word) ? this.next() : this.fail(hint);
  }

  expectType(type: Token["type"], hint: string): Token {
    return this.peek().type === type ? this.next() : this.fail(hint);
  }
}

export const locate = (token: Token) => ({ line: token.line, column: token.column });
