import { describe, expect, it } from "vitest";
import { DECLARED_SCOPES } from "../../../../worker/shopify/scopes.ts";
import { tenantCounts, waitForBackfill } from "../../../helpers/backfill.ts";
import { adminJson, installShop, sim } from "../../../helpers/harness.ts";
import type { SetupResponse } from "../../../../worker/routes/admin/get-setup.ts";

const NOTICE = "orders: last 60 days — grant read_all_orders for 90";
const DAY = 24 * 60 * 60 * 1000;

describe("the orders window", () => {
  it("backfills 60 days of orders without read_all_orders and says so in setup progress and backfill status", async () => {
    const grantedScopes = DECLARED_SCOPES.filter((scope) => scope !== "read_all_orders");
    const { shop, tenantId } = await installShop({ grantedScopes, size: { products: 4, customers: 10, orders: 40, abandonedCheckouts: 3, days: 120 } });
    const view = await waitForBackfill(shop);
    expect(view).toMatchObject({ ordersDays: 60, notice: NOTICE, job: { status: "succeeded" } });
    const orders = view.resources.find((r) => r.resource === "orders")!;
    const checkouts = view.resources.find((r) => r.resource === "abandoned_checkouts")!;
    expect(Date.parse(checkouts.since!) - Date.parse(orders.since!)).toBe(-30 * DAY);

    const [sixty, ninety] = await Promise.all([sim().stats(shop, orders.since!), sim().stats(shop, checkouts.since!)]);
    expect(sixty.orders).toBeLessThan(ninety.orders);
    expect((await tenantCounts(tenantId)).orders).toBe(sixty.orders);
    const setup = await adminJson<SetupResponse>(shop, "/setup");
    expect(setup.steps.find((step) => step.key === "backfill")).toMatchObject({ status: "done", detail: NOTICE });
  });

  it("backfills 90 days with read_all_orders and shows no notice", async () => {
    const { shop } = await installShop({ size: { products: 2, customers: 4, orders: 8, abandonedCheckouts: 1, days: 120 } });
    const view = await waitForBackfill(shop);
    expect(view).toMatchObject({ ordersDays: 90, notice: null });
    const orders = view.resources.find((r) => r.resource === "orders")!;
    expect(Date.now() - Date.parse(orders.since!)).toBeGreaterThanOrEqual(90 * DAY);
  });
});
