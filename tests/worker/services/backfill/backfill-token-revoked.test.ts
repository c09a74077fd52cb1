import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createAdminClient } from "../../../../worker/shopify/admin-graphql.ts";
import { tenantObject } from "../../../../worker/context/tenant-object.ts";
import type { BackfillResponse } from "../../../../worker/routes/admin/backfill.ts";
import { backfillCounts, backfilledShop, jobStatus, runJob } from "../../../helpers/backfill-faults.ts";
import { countsLine } from "../../../helpers/fault-counts.ts";
import { adminJson, sim } from "../../../helpers/harness.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";

describe("backfill under a THROTTLED storm and a revoked token: N accepted, N stored, 0 doubled", () => {
  it("a THROTTLED storm: 30 calls in a row answered THROTTLED", async ({ annotate }) => {
    const { shop, tenantId } = await backfilledShop();
    const before = await sim().state(shop);
    await sim().settings(shop, { throttleGraphql: 30 });
    const { jobId } = await runJob(tenantId);
    expect(await jobStatus(tenantId, jobId)).toBe("succeeded");
    const throttled = (await sim().state(shop)).throttledCalls - before.throttledCalls;
    expect(throttled).toBeGreaterThanOrEqual(30);
    const counts = await backfillCounts(shop, tenantId);
    expect(counts.accepted).toBeGreaterThan(50);
    expect(counts).toEqual({ accepted: counts.accepted, stored: counts.accepted, doubled: 0 });
    const line = countsLine(`a THROTTLED storm (${throttled} THROTTLED answers in a row)`, counts);
    console.log(line);
    await annotate(line, "counts");
  });

  it("the token revoked mid-backfill: the job stops and says why, and a re-run after reinstalling doubles nothing", async ({ annotate }) => {
    const { shop, tenantId } = await backfilledShop();
    const real = createAdminClient(serviceDeps().config, tenantObject(env, tenantId));
    let calls = 0;
    // The exports are submitted (calls 1–4) and two of them polled done; Shopify then revokes the app's tokens (the
    // merchant uninstalled), so the other two cannot be read while the first two are downloaded and written.
    const admin: typeof real = {
      request: async (query, variables, options) => {
        if (++calls === 7) await sim().settings(shop, { revokeTokens: true });
        return real.request(query, variables, options);
      },
    };
    const revoking = await runJob(tenantId, { admin });
    expect(await jobStatus(tenantId, revoking.jobId)).toBe("failed");
    const view = await adminJson<BackfillResponse>(shop, "/backfill");
    expect(JSON.stringify(view)).toContain("SegOps has no valid access to the shop");
    const partial = await backfillCounts(shop, tenantId);
    expect(partial.stored).toBeGreaterThan(0);
    expect(partial.stored).toBeLessThan(partial.accepted);

    await adminJson(shop, "/bootstrap");
    const rerun = await runJob(tenantId);
    expect(await jobStatus(tenantId, rerun.jobId)).toBe("succeeded");
    const counts = await backfillCounts(shop, tenantId);
    expect(counts).toEqual({ accepted: counts.accepted, stored: counts.accepted, doubled: 0 });
    const line = countsLine(`token revoked after two of four exports were read (${partial.stored} of ${partial.accepted} stored, job failed), re-run after reinstall`, counts);
    console.log(line);
    await annotate(line, "counts");
  });
});
