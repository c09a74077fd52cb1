import { describe, expect, it } from "vitest";
import type { DiscountRuleResponse, ListDiscountRulesResponse } from "../../../../worker/routes/admin/discount-rules.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { adminFetch, adminJson, sim } from "../../../helpers/harness.ts";
import { updateProfile } from "../../../helpers/seed-profiles.ts";
import { createSegmentVia, installEmptyShop, seedShopCustomers, settledPush, shopifyTags } from "../../../helpers/segment-shop.ts";
import { evaluateCart, simDiscounts } from "../../../helpers/sim-checkout.ts";

const json = (method: string, body: unknown) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const customerGid = (id: string) => `gid://shopify/Customer/${id}`;

async function shopWithVipSegment() {
  const installed = await installEmptyShop();
  const { profileIds, customerIds } = await seedShopCustomers(installed, 2, ["vip"]);
  const { product } = await sim().createProduct(installed.shop, { title: "Boots", variants: [{ price: "80.00" }], emit: false });
  await updateProfile(installed.tenantId, profileIds[1]!, { tags: [] });
  await createSegmentVia(installed, { name: "VIP", kind: "customer", query: 'tags contains "vip"', pushMode: "tags" });
  const pushed = await settledPush(installed, "vip");
  return { installed, member: customerIds[0]!, memberProfile: profileIds[0]!, other: customerIds[1]!, variantId: product.variantIds[0]!, productId: product.gid, pushed };
}

describe("/admin/api/discounts", () => {
  it("discounts a segment's members at checkout, and stops when a customer leaves the segment", async () => {
    const { installed, member, memberProfile, other, variantId, pushed } = await shopWithVipSegment();
    expect(await shopifyTags(installed.shop, { segops: true })).toEqual({ [member]: ["segops:vip"] });

    const rule = await adminJson<DiscountRuleResponse>(installed.shop, "/discounts", json("POST", { title: "VIP 10% off", segment: "vip", valueType: "percentage", value: "10", target: "order" }));
    expect(rule).toMatchObject({ title: "VIP 10% off", status: "active", segment: { slug: "vip", tag: "segops:vip", pushMode: "tags" }, warning: null });
    const [discount] = await simDiscounts(installed.shop);
    expect(discount).toMatchObject({ id: rule.shopifyDiscountId, functionHandle: "segops-discount", status: "ACTIVE", discountClasses: ["ORDER"] });
    expect(JSON.parse(discount!.metafields[0]!.value)).toMatchObject({ tags: ["segops:vip"], rules: [{ id: rule.id, tags: ["segops:vip"], p: "10", on: "order" }] });

    const cart = { lines: [{ variantId, quantity: 2 }] };
    const paid = await evaluateCart(installed.shop, { ...cart, customerId: customerGid(member) });
    expect(paid).toMatchObject({ subtotal: "160.00", discountTotal: "16.00", total: "144.00" });
    expect(paid.applied).toEqual([expect.objectContaining({ message: "VIP 10% off", discountClass: "ORDER", amount: "16.00" })]);
    expect((await evaluateCart(installed.shop, { ...cart, customerId: customerGid(other) })).applied).toEqual([]);
    expect((await evaluateCart(installed.shop, { ...cart, customerId: null })).applied).toEqual([]);

    await updateProfile(installed.tenantId, memberProfile, { tags: [] });
    expect(await (await apiFetch(installed.serverKey, "/segments/vip/recompute", { method: "POST" })).json()).toMatchObject({ left: 1 });
    expect(await settledPush(installed, "vip", Date.parse(pushed.at))).toMatchObject({ status: "succeeded", removed: 1 });
    const after = await evaluateCart(installed.shop, { ...cart, customerId: customerGid(member) });
    expect(after.runs[0]!.input.cart.buyerIdentity!.customer!.hasTags).toEqual([{ tag: "segops:vip", hasTag: false }]);
    expect(after).toMatchObject({ applied: [], discountTotal: "0.00", total: "160.00" });
  });

  it("edits, pauses, resumes and deletes a rule, and Shopify's discount follows each time", async () => {
    const { installed, member, variantId, productId } = await shopWithVipSegment();
    const cart = { customerId: customerGid(member), lines: [{ variantId, quantity: 1 }] };
    const rule = await adminJson<DiscountRuleResponse>(installed.shop, "/discounts", json("POST", { title: "VIP", segment: "vip", valueType: "fixed_amount", value: "5", target: "order" }));
    expect((await evaluateCart(installed.shop, cart)).discountTotal).toBe("5.00");

    const edited = await adminJson<DiscountRuleResponse>(installed.shop, `/discounts/${rule.id}`, json("PATCH", { value: "12.50", target: "products", targetIds: [productId] }));
    expect(edited).toMatchObject({ value: "12.50", target: "products", shopifyDiscountId: rule.shopifyDiscountId });
    expect((await simDiscounts(installed.shop))[0]!.discountClasses).toEqual(["PRODUCT"]);

    const paused = await adminJson<DiscountRuleResponse>(installed.shop, `/discounts/${rule.id}`, json("PATCH", { status: "paused" }));
    expect(paused).toMatchObject({ status: "paused", shopifyDiscountId: null });
    expect(await simDiscounts(installed.shop)).toEqual([]);
    expect(await adminJson<ListDiscountRulesResponse>(installed.shop, "/discounts")).toMatchObject({ activeCount: 0, maxActive: 25, rules: [{ id: rule.id, status: "paused" }] });

    await adminJson(installed.shop, `/discounts/${rule.id}`, json("PATCH", { status: "active", target: "order", targetIds: [] }));
    expect((await evaluateCart(installed.shop, cart)).discountTotal).toBe("12.50");
    expect((await adminJson<ListDiscountRulesResponse>(installed.shop, "/discounts")).activeCount).toBe(1);

    const removed = await adminFetch(installed.shop, `/discounts/${rule.id}`, { method: "DELETE" });
    expect(removed.status).toBe(204);
    expect(await simDiscounts(installed.shop)).toEqual([]);
    expect((await adminJson<ListDiscountRulesResponse>(installed.shop, "/discounts")).rules).toEqual([]);
  });
});
