/** A checker for the 2026-07 segment query language: enough to accept what Shopify accepts for the app's rules. */
type Kind = "list" | "number" | "date" | "enum";

const ATTRIBUTES: Record<string, Kind> = {
  customer_countries: "list",
  customer_tags: "list",
  customer_cities: "list",
  amount_spent: "number",
  number_of_orders: "number",
  last_order_date: "date",
  first_order_date: "date",
  abandoned_checkout_date: "date",
  customer_added_date: "date",
  email_subscription_status: "enum",
  sms_subscription_status: "enum",
};

const SUBSCRIPTION_STATES = new Set(["SUBSCRIBED", "NOT_SUBSCRIBED", "PENDING", "UNSUBSCRIBED", "INVALID", "REDACTED"]);
const COMPARATORS = new Set(["=", "!=", ">", ">=", "<", "<="]);

interface Token {
  text: string;
  kind: "word" | "string" | "number" | "op" | "paren";
  line: number;
  column: number;
}

export type SegmentCheck = { ok: true } | { ok: false; message: string };

class SegmentSyntaxError extends Error {}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?[dwmy]?(?![\w-])|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?)|(>=|<=|!=|=|>|<)|([()])|([A-Za-z_\d]\w*)|(\S)/g;
  let line = 1;
  let lineStart = 0;
  for (const match of query.matchAll(pattern)) {
    const at = match.index;
    const position = { line, column: at - lineStart + 1 };
    const [text, str, num, op, paren, word, other] = match;
    if (/^\s+$/.test(text)) {
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== "\n") continue;
        line++;
        lineStart = at + i + 1;
      }
      continue;
    }
    if (other !== undefined) throw new SegmentSyntaxError(`Line ${position.line} Column ${position.column}: unexpected character '${other}'.`);
    if (str !== undefined) tokens.push({ text: str, kind: "string", ...position });
    else if (num !== undefined) tokens.push({ text: num, kind: "number", ...position });
    else if (op !== undefined) tokens.push({ text: op, kind: "op", ...position });
    else if (paren !== undefined) tokens.push({ text: paren, kind: "paren", ...position });
    else tokens.push({ text: word!, kind: "word", ...position });
  }
  return tokens;
}

export function checkSegmentQuery(query: string): SegmentCheck {
  let tokens: Token[];
  try {
    tokens = tokenize(query);
    if (tokens.length === 0) return { ok: false, message: "Query can't be blank." };
    const parser = new Parser(tokens);
    parser.expression();
    parser.end();
    return { ok: true };
  } catch (error) {
    if (error instanceof SegmentSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

class Parser {
  #tokens: Token[];
  #at = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#at];
  }

  #fail(token: Token | undefined, message: string): never {
    const where = token ?? this.#tokens[this.#tokens.length - 1]!;
    throw new SegmentSyntaxError(`Line ${where.line} Column ${where.column + (token ? 0 : where.text.length)}: ${message}`);
  }

  #next(): Token {
    const token = this.#tokens[this.#at++];
    if (!token) this.#fail(undefined, "unexpected end of query.");
    return token;
  }

  #keyword(word: string): boolean {
    const token = this.#peek();
    if (token?.kind === "word" && token.text.toUpperCase() === word) {
      this.#at++;
      return true;
    }
    return false;
  }

  expression(): void {
    this.#conjunction();
    while (this.#keyword("OR")) this.#conjunction();
  }

  #conjunction(): void {
    this.#unary();
    while (this.#keyword("AND")) this.#unary();
  }

  #unary(): void {
    if (this.#keyword("NOT")) {
      this.#unary();
      return;
    }
    const token = this.#peek();
    if (token?.kind === "paren" && token.text === "(") {
      this.#at++;
      this.expression();
      const close = this.#next();
      if (close.text !== ")") this.#fail(close, "expected ')'.");
      return;
    }
    this.#condition();
  }

  #condition(): void {
    const attribute = this.#next();
    const kind = attribute.kind === "word" ? ATTRIBUTES[attribute.text] : undefined;
    if (!kind) this.#fail(attribute, `'${attribute.text}' filter cannot be found.`);
    if (kind === "list") {
      this.#keyword("NOT");
      if (!this.#keyword("CONTAINS")) this.#fail(this.#peek(), `'${attribute.text}' only supports CONTAINS and NOT CONTAINS.`);
      const value = this.#next();
      if (value.kind !== "string") this.#fail(value, "expected a value in single quotes.");
      return;
    }
    if (kind === "date" && this.#keyword("IS")) {
      this.#keyword("NOT");
      if (!this.#keyword("NULL")) this.#fail(this.#peek(), "expected NULL.");
      return;
    }
    if (this.#keyword("BETWEEN")) {
      this.#value(kind);
      if (!this.#keyword("AND")) this.#fail(this.#peek(), "expected AND in BETWEEN.");
      this.#value(kind);
      return;
    }
    const op = this.#next();
    if (op.kind !== "op" || !COMPARATORS.has(op.text)) this.#fail(op, `'${op.text}' is not a valid operator for '${attribute.text}'.`);
    if (kind === "enum" && op.text !== "=" && op.text !== "!=") this.#fail(op, `'${attribute.text}' only supports = and !=.`);
    this.#value(kind);
  }

  #value(kind: Kind): void {
    const token = this.#next();
    if (kind === "number" && (token.kind !== "number" || /[dwmy]$/.test(token.text))) this.#fail(token, `'${token.text}' is not a number.`);
    if (kind === "enum" && (token.kind !== "string" || !SUBSCRIPTION_STATES.has(token.text))) this.#fail(token, `'${token.text}' is not a valid subscription status.`);
    if (kind !== "date") return;
    if (token.kind === "word" && /^\d*_?(days|weeks|months|years)_ago$/.test(token.text)) {
      this.#fail(token, `'${token.text}' is deprecated; use a relative offset such as '-90d'.`);
    }
    const valid = token.kind === "word" ? token.text === "today" || token.text === "yesterday" : token.kind === "number" ? /^-\d+[dwmy]$/.test(token.text) || /^\d{4}-\d{2}-\d{2}/.test(token.text) : false;
    if (!valid) this.#fail(token, `'${token.text}' is not a valid date.`);
  }

  end(): void {
    const token = this.#peek();
    if (token) this.#fail(token, `unexpected '${token.text}'.`);
  }
}
