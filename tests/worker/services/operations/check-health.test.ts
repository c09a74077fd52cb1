import { describe, expect, it } from "vitest";
import { checkHealth } from "../../../../worker/services/operations/check-health.ts";
import { countingDeps } from "../../../helpers/counting-deps.ts";

describe("health probe", () => {
  it("asks D1 once per window however many callers poll", async () => {
    const { counter, deps } = countingDeps();
    // Far from any earlier probe of this isolate, so the first call must reach the database.
    const now = Date.now() + 1_000_000_000;
    const answers = await Promise.all(Array.from({ length: 50 }, () => checkHealth({ ctx: deps, input: { now } })));
    const later = await checkHealth({ ctx: deps, input: { now: now + 5_000 } });
    expect(counter.statements).toBe(1);
    expect(answers.every((answer) => answer.checkedAt === now)).toBe(true);
    expect(later.checkedAt).toBe(now);
    const next = await checkHealth({ ctx: deps, input: { now: now + 11_000 } });
    expect(next.checkedAt).toBe(now + 11_000);
    expect(counter.statements).toBe(2);
  });
});
