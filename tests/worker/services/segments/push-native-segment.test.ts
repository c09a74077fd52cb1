import { describe, expect, it } from "vitest";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { sim } from "../../../helpers/harness.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { createSegmentVia, installEmptyShop, settledPush } from "../../../helpers/segment-shop.ts";

describe("native push", () => {
  it("creates the Shopify segment with the 2026-07 translation, then updates it when the query changes", async () => {
    const installed = await installEmptyShop();
    const query = 'country in ("US", "CA") and total_spent >= 200 and last_order_date >= -90d';
    const created = await createSegmentVia(installed, { name: "NA spenders", kind: "customer", query, pushMode: "native" });
    expect(created.translation).toEqual({
      translatable: true,
      query: "(customer_countries CONTAINS 'US' OR customer_countries CONTAINS 'CA') AND amount_spent >= 200 AND last_order_date >= -90d",
    });
    const pushed = await settledPush(installed, "na-spenders");
    expect(pushed).toMatchObject({ status: "succeeded", mode: "native", nativeQuery: created.translation.translatable ? created.translation.query : "" });
    const [native] = (await sim().state(installed.shop)).segments;
    expect(native).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Segment\//), name: "NA spenders (SegOps)", query: pushed.nativeQuery });

    const patched = await apiFetch(installed.serverKey, "/segments/na-spenders", { method: "PATCH", body: { query: "orders_count >= 2 and email_subscription = \"subscribed\"" } });
    expect(patched.status).toBe(200);
    await waitFor(async () => {
      const segments = (await sim().state(installed.shop)).segments;
      return segments.length === 1 && segments[0]!.query === "number_of_orders >= 2 AND email_subscription_status = 'SUBSCRIBED'";
    }, { what: "the native segment's update" });
    const detail = (await (await apiFetch(installed.serverKey, "/segments/na-spenders")).json()) as { nativeSegmentId: string };
    expect(detail.nativeSegmentId).toBe(native!.id);
    expect((await sim().state(installed.shop)).graphqlCalls).toMatchObject({ segmentCreate: 1, segmentUpdate: 1 });
  });

  it("keeps a segment that does not translate out of native mode, naming the blocking rule", async () => {
    const installed = await installEmptyShop();
    const created = await createSegmentVia(installed, { name: "Cart", kind: "customer", query: "orders_count >= 1 and add_to_cart.count(7d) >= 1" });
    expect(created.translation).toEqual({ translatable: false, rule: "add_to_cart.count(7d) >= 1", reason: expect.any(String) });
    const res = await apiFetch(installed.serverKey, "/segments/cart", { method: "PATCH", body: { pushMode: "native" } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { details: { field: "pushMode", rule: "add_to_cart.count(7d) >= 1" } } });
    expect((await sim().state(installed.shop)).segments).toEqual([]);
  });

  it("deletes the native segment with the SegOps segment", async () => {
    const installed = await installEmptyShop();
    await createSegmentVia(installed, { name: "Subscribers", kind: "customer", query: 'email_subscription = "subscribed"', pushMode: "native" });
    await settledPush(installed, "subscribers");
    expect((await sim().state(installed.shop)).segments).toHaveLength(1);
    expect((await apiFetch(installed.serverKey, "/segments/subscribers", { method: "DELETE" })).status).toBe(204);
    await waitFor(async () => (await sim().state(installed.shop)).segments.length === 0, { what: "the native segment's deletion" });
  });
});
