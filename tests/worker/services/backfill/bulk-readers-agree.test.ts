import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { BulkCustomerSchema, bulkCustomerValue } from "../../../../worker/services/backfill/read-bulk-customer.ts";
import { BulkLineItemSchema, bulkLineItemValue, BulkMoneySchema, bulkMoneyValue } from "../../../../worker/services/backfill/read-bulk-line-items.ts";
import { BulkOrderSchema, bulkOrderValue } from "../../../../worker/services/backfill/read-bulk-order.ts";
import { UNREADABLE } from "../../../../worker/shopify/payload/read-field-values.ts";
import ordersText from "../../../fixtures/backfill/orders-children-first.jsonl?raw";

type Value = Record<string, unknown>;
const REFUSED = Symbol("refused");

// Values a field may meet in the wild or by mistake: every one goes into every field of every sample.
const ODD: unknown[] = [
  null, "", "  ", " padded ", "12.50", "abc", "gid://shopify/Order/5?x=1", "2026-10-01T12:00:00Z", "not a date",
  0, -1, 1.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, true, [], ["a", " b "], [1], {}, { amount: "3.25" }, { amount: true },
  { shopMoney: { amount: "1.00", currencyCode: "EUR" } }, { shopMoney: null }, { id: "gid://shopify/Product/7" }, { countryCodeV2: "se" },
];

function variants(sample: Value): Value[] {
  const out: Value[] = [];
  for (const key of Object.keys(sample)) {
    const { [key]: _, ...without } = sample;
    out.push(without);
    for (const odd of ODD) out.push({ ...sample, [key]: odd });
    const nested = sample[key];
    if (typeof nested === "object" && nested !== null && !Array.isArray(nested)) {
      for (const inner of variants(nested as Value)) out.push({ ...sample, [key]: inner });
    }
  }
  return out;
}

/** The plain reader never accepts what the schema refuses, and whatever it accepts reads exactly as the schema reads it. */
function expectAgreement<S extends z.ZodType>(schema: S, fast: (value: unknown) => z.output<S>, input: unknown): boolean {
  let read: unknown = REFUSED;
  try {
    read = fast(input);
  } catch (error) {
    if (error !== UNREADABLE) throw error;
  }
  const parsed = schema.safeParse(input);
  if (read === REFUSED) return false;
  expect(parsed.success, JSON.stringify(input)).toBe(true);
  expect(read).toEqual(parsed.data);
  return true;
}

const objects = ordersText.trim().split("\n").map((line) => JSON.parse(line) as Value);
const orders = objects.filter((value) => String(value.id).includes("/Order/"));
const lineItems = objects.filter((value) => String(value.id).includes("/LineItem/"));
const customers = orders.map((order) => order.customer).filter((customer): customer is Value => typeof customer === "object" && customer !== null);

describe("plain bulk readers agree with their zod schemas", () => {
  it.each([
    ["order", BulkOrderSchema, bulkOrderValue, orders],
    ["line item", BulkLineItemSchema, bulkLineItemValue, lineItems],
    ["customer", BulkCustomerSchema, bulkCustomerValue, customers],
    ["money set", BulkMoneySchema, bulkMoneyValue, orders.map((order) => order.totalPriceSet as Value)],
  ] as const)("%s: real samples take the fast path, and every variant agrees", (_, schema, fast, samples) => {
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(expectAgreement(schema as z.ZodType, fast as (value: unknown) => unknown, sample)).toBe(true);
      let accepted = 0;
      for (const variant of variants(sample)) if (expectAgreement(schema as z.ZodType, fast as (value: unknown) => unknown, variant)) accepted++;
      expect(accepted).toBeGreaterThan(0);
    }
  });

  it("refuses what is not an object at all", () => {
    for (const value of [null, undefined, "x", 1, [], [{}]]) {
      expect(expectAgreement(BulkOrderSchema, bulkOrderValue, value)).toBe(false);
      expect(expectAgreement(BulkLineItemSchema, bulkLineItemValue, value)).toBe(false);
    }
  });
});
