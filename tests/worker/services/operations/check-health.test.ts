import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDeps } from "../../../../worker/context/deps.ts";
import { checkHealth } from "../../../../worker/services/operations/check-health.ts";
import { countingDeps } from "../../../helpers/counting-deps.ts";
import { unreachableD1 } from "../../../helpers/faulty-d1.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";

// Far from any earlier probe of this isolate (each test its own window), so the first call must reach the databases.
let window = Date.now() + 1_000_000_000;
const freshWindow = () => (window += 1_000_000);

describe("health probe", () => {
  it("asks each database once per window however many callers poll", async () => {
    const { counter, deps } = countingDeps();
    const now = freshWindow();
    const answers = await Promise.all(Array.from({ length: 50 }, () => checkHealth({ ctx: deps, input: { now } })));
    const later = await checkHealth({ ctx: deps, input: { now: now + 5_000 } });
    expect(counter.statements).toBe(1);
    expect(answers.every((answer) => answer.checkedAt === now && answer.failed.length === 0)).toBe(true);
    expect(answers[0]!.databases).toBe(3);
    expect(later.checkedAt).toBe(now);
    const next = await checkHealth({ ctx: deps, input: { now: now + 11_000 } });
    expect(next.checkedAt).toBe(now + 11_000);
    expect(counter.statements).toBe(2);
  });

  it("names a data shard that does not answer, and asks again on the next call rather than keeping the failure", async () => {
    const base = serviceDeps();
    const down = createDeps({ ...env, SHARD_2: unreachableD1(env.SHARD_2) }, base.config, base.log);
    const now = freshWindow();
    expect(await checkHealth({ ctx: down, input: { now } })).toMatchObject({ databases: 3, failed: ["SHARD_2"], checkedAt: now });
    const recovered = await checkHealth({ ctx: serviceDeps(), input: { now: now + 1 } });
    expect(recovered).toMatchObject({ databases: 3, failed: [], checkedAt: now + 1 });
  });
});
