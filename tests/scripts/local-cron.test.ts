import { describe, expect, it } from "vitest";
import { cronMatches } from "../../scripts/dev/local-cron.ts";

describe("local cron matching (npm start fires wrangler.toml's crons itself)", () => {
  it.each([
    ["30 2 * * *", "2026-11-26T02:30:00Z", true],
    ["30 2 * * *", "2026-11-26T02:31:00Z", false],
    ["0 3 * * *", "2026-11-26T03:00:59Z", true],
    ["*/15 * * * *", "2026-11-26T10:45:00Z", true],
    ["*/15 * * * *", "2026-11-26T10:46:00Z", false],
    ["0 6 * * 1", "2026-11-30T06:00:00Z", true],
    ["0 6 * * 1", "2026-11-26T06:00:00Z", false],
  ])("%s at %s → %s", (cron, at, expected) => {
    expect(cronMatches(cron, new Date(at))).toBe(expected);
  });
});
