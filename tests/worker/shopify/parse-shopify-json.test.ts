import { describe, expect, it } from "vitest";
import orderText from "../../fixtures/ingest/order-big-ids.json?raw";
import { parseShopifyJson } from "../../../worker/shopify/payload/parse-shopify-json.ts";
import { readOrderFact } from "../../../worker/services/ingest/read-order-fact.ts";

describe("parseShopifyJson", () => {
  it("keeps integers beyond 2^53 as their exact digits", () => {
    const parsed = parseShopifyJson('{"id":820982911946154508,"small":42,"price":12.5,"big_float":1e21,"nested":[{"id":9007199254740993}]}');
    expect(parsed).toEqual({ ok: true, value: { id: "820982911946154508", small: 42, price: 12.5, big_float: 1e21, nested: [{ id: "9007199254740993" }] } });
  });

  it("leaves digit runs inside strings alone", () => {
    expect(parseShopifyJson('{"note":"call 12345678901234567890"}')).toEqual({ ok: true, value: { note: "call 12345678901234567890" } });
  });

  it("reads every id of an order as an exact string, where JSON.parse would round them", () => {
    expect(String((JSON.parse(orderText) as { id: number }).id)).not.toBe("9007199254740993");
    const parsed = parseShopifyJson(orderText);
    const fact = parsed.ok ? readOrderFact(parsed.value) : parsed;
    expect(fact.ok && fact.value).toMatchObject({
      orderId: "9007199254740993",
      checkoutId: "9007199254740997",
      customer: { customerId: "9007199254740995", email: "ada@example.com", countryCode: "GB", tags: ["vip", "newsletter"] },
      lineItems: [{ lineItemId: "9007199254741001", productId: "9007199254741003", variantId: "9007199254741005", quantity: 1, price: 110 }],
    });
  });

  it("reports a body that is not JSON as a reason, not an exception", () => {
    const parsed = parseShopifyJson("{nope");
    expect(parsed.ok).toBe(false);
  });
});
