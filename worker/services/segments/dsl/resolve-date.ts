import { ALL_TIME } from "./ast.ts";
import { err, ok, type Result } from "../../../lib/result.ts";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const MAX_WINDOW_DAYS = 400;
const MAX_OFFSET = { d: 36_500, w: 5_200, m: 1_200, y: 100 } as const;

const DATE_HINT = "dates are YYYY-MM-DD (2026-01-01), a past offset (-90d, -12w, -6m, -1y) or today";
const WINDOW_HINT = `a window is a length with a unit: 12h, 30d or 8w, at most ${MAX_WINDOW_DAYS}d; or \`all\` for all time`;

type Problem = { message: string; hint: string };

/** A day given as `2026-01-01`, `-90d`/`-12w`/`-6m`/`-1y` or `today`; returns its canonical spelling. */
export function checkDate(text: string): Result<string, Problem> {
  const lower = text.toLowerCase();
  if (lower === "today") return ok(lower);
  const relative = /^-([0-9]+)([dwmy])$/.exec(lower);
  if (relative) {
    const unit = relative[2] as keyof typeof MAX_OFFSET;
    if (Number(relative[1]) > MAX_OFFSET[unit]) return err({ message: `date offset \`${text}\` is too far back`, hint: DATE_HINT });
    return ok(`-${Number(relative[1])}${unit}`);
  }
  const absolute = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (absolute) {
    const [year, month, day] = [Number(absolute[1]), Number(absolute[2]), Number(absolute[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return ok(text);
  }
  const future = /^[0-9]+[dwmy]$/.test(lower);
  return err({ message: `\`${text}\` is not a date`, hint: future ? `offsets count back: write -${lower}` : DATE_HINT });
}

/** The UTC day a checked date names, as `[start, end)` in ms; relative days count back from the day of `now`. */
export function resolveDay(text: string, now: number): { start: number; end: number } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const relative = /^-([0-9]+)([dwmy])$/.exec(text);
  let start = today;
  if (relative) {
    const amount = Number(relative[1]);
    const unit = relative[2];
    if (unit === "d") start = today - amount * DAY_MS;
    else if (unit === "w") start = today - amount * 7 * DAY_MS;
    else start = monthsBefore(today, unit === "m" ? amount : amount * 12);
  } else if (text !== "today") {
    start = Date.parse(`${text}T00:00:00Z`);
  }
  return { start, end: start + DAY_MS };
}

// Calendar months back, clamped to the month's last day: -6m from Aug 31 is Feb 28/29.
function monthsBefore(dayStart: number, months: number): number {
  const date = new Date(dayStart);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay));
}

/** An event window such as `30d`, `12h`, `8w`, or `all`; returns the canonical spelling and its length in ms. */
export function checkWindow(text: string): Result<{ window: string; ms: number }, Problem> {
  if (text.toLowerCase() === ALL_TIME) return ok({ window: ALL_TIME, ms: Number.POSITIVE_INFINITY });
  const match = /^([0-9]+)([hdw])$/.exec(text.toLowerCase());
  if (!match) return err({ message: `\`${text}\` is not a window`, hint: WINDOW_HINT });
  const window = `${Number(match[1])}${match[2]}`;
  const ms = Number(match[1]) * unitMs(match[2]);
  if (ms === 0) return err({ message: "a window must be longer than zero", hint: WINDOW_HINT });
  if (ms > MAX_WINDOW_DAYS * DAY_MS) {
    return err({ message: `window \`${text}\` is longer than ${MAX_WINDOW_DAYS} days`, hint: WINDOW_HINT });
  }
  return ok({ window, ms });
}

/** Length of a checked window in ms (infinite for `all`). */
export const windowToMs = (window: string): number =>
  window === ALL_TIME ? Number.POSITIVE_INFINITY : Number.parseInt(window, 10) * unitMs(window.slice(-1));

const unitMs = (unit: string | undefined) => (unit === "h" ? HOUR_MS : unit === "d" ? DAY_MS : 7 * DAY_MS);
