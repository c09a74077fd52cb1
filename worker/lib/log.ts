export type LogFields = Record<string, string | number | boolean | null | undefined | string[]>;

export type Logger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

type Level = "info" | "warn" | "error";

function write(level: Level, message: string, base: LogFields, fields: LogFields | undefined): void {
  const line = JSON.stringify({ level, message, ...base, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

class JsonLogger implements Logger {
  readonly #base: LogFields;
  constructor(base: LogFields) {
    this.#base = base;
  }
  info(message: string, fields?: LogFields): void {
    write("info", message, this.#base, fields);
  }
  warn(message: string, fields?: LogFields): void {
    write("warn", message, this.#base, fields);
  }
  error(message: string, fields?: LogFields): void {
    write("error", message, this.#base, fields);
  }
}

/** One JSON object per line, readable with `wrangler tail --format json`; callers never pass secrets or PII. */
export function createLogger(base: LogFields): Logger {
  return new JsonLogger(base);
}

export type RequestLine = { requestId: string; method: string; route: string; status: number; ms: number; tenant: string | null };

/**
 * The one line every request logs, in the shape `createLogger({ requestId }).info("request", …)` writes, put
 * together by hand: it runs on every request, so it skips building and stringifying a merged object.
 */
export function logRequest(line: RequestLine): void {
  const q = JSON.stringify;
  const tenant = line.tenant === null ? "null" : q(line.tenant);
  console.log(
    `{"level":"info","message":"request","requestId":${q(line.requestId)},"method":${q(line.method)},"route":${q(line.route)},"status":${line.status},"ms":${line.ms},"tenant":${tenant}}`,
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
