import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { OpsBackfillResponse } from "../../../../worker/routes/ops/backfills.ts";
import { deriveOpsToken } from "../../../../worker/services/operations/ops-token.ts";
import { tenantCounts, waitForBackfill } from "../../../helpers/backfill.ts";
import { installShop } from "../../../helpers/harness.ts";

async function ops(method: "GET" | "POST", query: string, token?: string) {
  const res = await exports.default.fetch(`https://segops.test/ops/backfill?${query}`, {
    method,
    headers: { Authorization: `Bearer ${token ?? (await deriveOpsToken(env.TOKEN_ENCRYPTION_KEY))}` },
  });
  return { status: res.status, body: (await res.json()) as OpsBackfillResponse & { error?: { code: string; message: string } } };
}

describe("re-running a backfill as an operator (npm run ops -- backfill rerun --shop …)", () => {
  it("queues a new backfill for the shop, refuses a second while it runs, and writes nothing twice", async () => {
    const { shop, tenantId } = await installShop({ size: { products: 3, customers: 6, orders: 12, abandonedCheckouts: 2, days: 120 } });
    await waitForBackfill(shop);
    const before = await tenantCounts(tenantId);

    const queued = await ops("POST", `shop=${shop}`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ tenantId, backfill: { running: true, job: { reason: "operator", status: "queued" } } });
    expect((await ops("POST", `shop=${shop}`)).status).toBe(409);

    const done = await waitForBackfill(shop, (view) => view.job?.id === queued.body.backfill.job!.id && !view.running);
    expect(done.job?.status).toBe("succeeded");
    expect(await tenantCounts(tenantId)).toEqual(before);
    expect((await ops("GET", `shop=${shop}`)).body.backfill.job).toMatchObject({ id: queued.body.backfill.job!.id, status: "succeeded" });
  });

  it("answers 404 for an unknown shop, 400 for a malformed one and 401 without the operator token", async () => {
    expect((await ops("GET", "shop=nobody.myshopify.com")).status).toBe(404);
    expect((await ops("POST", "shop=not a shop")).status).toBe(400);
    expect((await ops("POST", "shop=nobody.myshopify.com", "ops_wrong")).status).toBe(401);
  });
});
