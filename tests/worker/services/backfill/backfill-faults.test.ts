import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createAdminClient } from "../../../../worker/shopify/admin-graphql.ts";
import { tenantObject } from "../../../../worker/context/tenant-object.ts";
import { backfillCounts, backfilledShop, jobStatus, runJob } from "../../../helpers/backfill-faults.ts";
import { countsLine } from "../../../helpers/fault-counts.ts";
import { sim } from "../../../helpers/harness.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";
import type { SimSettingsPatch } from "../../../helpers/simulator-client.ts";

describe("backfill under Shopify 5xx and timeouts: N accepted, N stored, 0 doubled", () => {
  it.for<[string, SimSettingsPatch, { timeoutMs?: number }]>([
    ["Shopify answering 502 to 6 calls in a row", { failGraphql: { count: 6, status: 502 } }, {}],
    ["Shopify holding 4 calls for 20 s, past a 250 ms client timeout", { stallGraphql: { count: 4, ms: 20_000 } }, { timeoutMs: 250 }],
  ])("%s", async ([label, fault, client], { annotate }) => {
    const { shop, tenantId } = await backfilledShop();
    await sim().settings(shop, fault);
    const admin = createAdminClient(serviceDeps().config, tenantObject(env, tenantId), client);
    const { jobId } = await runJob(tenantId, { admin });
    expect(await jobStatus(tenantId, jobId)).toBe("succeeded");
    const counts = await backfillCounts(shop, tenantId);
    expect(counts.accepted).toBeGreaterThan(50);
    expect(counts).toEqual({ accepted: counts.accepted, stored: counts.accepted, doubled: 0 });
    const line = countsLine(label, counts);
    console.log(line);
    await annotate(line, "counts");
  });
});
