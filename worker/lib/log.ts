export type LogFields = Record<string, string | number | boolean | null | undefined | string[]>;

export type Logger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

/** One JSON object per line, readable with `wrangler tail --format json`; callers never pass secrets or PII. */
export function createLogger(base: LogFields): Logger {
  const write = (level: "info" | "warn" | "error", message: string, fields?: LogFields) => {
    const line = JSON.stringify({ level, message, ...base, ...fields });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
