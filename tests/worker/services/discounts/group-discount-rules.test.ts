import { describe, expect, it } from "vitest";
import type { FunctionConfiguration } from "../../../../extensions/segops-discount/src/configuration.ts";
import { readConfiguration } from "../../../../extensions/segops-discount/src/read-configuration.ts";
import {
  buildFunctionConfiguration,
  CONFIGURATION_MAX_BYTES,
  configurationBytes,
  discountInput,
  groupDiscountRules,
  MAX_COLLECTIONS_PER_DISCOUNT,
  type LiveRule,
} from "../../../../worker/services/discounts/group-discount-rules.ts";

const NO_COMBINATION = { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false };

function rule(n: number, overrides: Partial<LiveRule> = {}): LiveRule {
  const at = new Date(1_800_000_000_000);
  return {
    id: `dsc_${String(n).padStart(19, "0")}`,
    tenantId: "ten_x",
    segmentId: `seg_${n}`,
    title: `Rule ${n}`,
    valueType: "percentage",
    value: "10",
    discountClass: "ORDER",
    shopifyDiscountGid: null,
    status: "active",
    startsAt: null,
    endsAt: null,
    target: "order",
    targetIds: [],
    minimumSubtotal: null,
    combinesWith: NO_COMBINATION,
    createdAt: at,
    updatedAt: at,
    tag: `segops:segment-${n}`,
    ...overrides,
  };
}

describe("the Function's configuration for a group of rules", () => {
  it("carries 25 rules with the longest titles and slugs SegOps allows within Shopify's 10,000 bytes", () => {
    const longest = Array.from({ length: 25 }, (_, n) =>
      rule(n, { title: "T".repeat(80), tag: `segops:${String(n).padStart(2, "0")}${"s".repeat(58)}`, valueType: "fixed_amount", value: "999999999.99", minimumSubtotal: "999999999.99" }),
    );
    const configuration = buildFunctionConfiguration(longest);
    expect(configurationBytes(configuration)).toBeLessThanOrEqual(CONFIGURATION_MAX_BYTES);
    expect(configuration.tags).toHaveLength(25);
    // What the worker writes is what the Function reads.
    expect(readConfiguration(JSON.parse(JSON.stringify(configuration)))).toEqual(configuration);
  });

  it("outgrows 10,000 bytes once rules name many targets, which the service refuses", () => {
    const ids = (n: number) => Array.from({ length: 50 }, (_, i) => String(90_000_000_000_000 + n * 100 + i));
    const heavy = [1, 2, 3, 4].map((n) => rule(n, { target: "collections", targetIds: ids(n), discountClass: "PRODUCT" }));
    expect(configurationBytes(buildFunctionConfiguration(heavy))).toBeGreaterThan(CONFIGURATION_MAX_BYTES);
  });

  it("keeps a 200-line cart's input under Shopify's 128 kB with the most collections one discount may target", () => {
    // The rest of the input takes up to ~64 kB (200 lines ~54 kB, configuration ≤ 10 kB); npm run bench measures
    // the whole: 122,792 bytes with 25 rules and 4 collections.
    const perLinePerCollection = JSON.stringify({ collectionId: "gid://shopify/Collection/450000000001", isMember: false }).length + 1;
    expect(MAX_COLLECTIONS_PER_DISCOUNT * perLinePerCollection * 200).toBeLessThan(128_000 - 64_000);
  });

  it("names each collection once, as a GID, for the query's $collectionIds", () => {
    const configuration: FunctionConfiguration = buildFunctionConfiguration([
      rule(1, { target: "collections", targetIds: ["7", "8"] }),
      rule(2, { target: "collections", targetIds: ["8"] }),
      rule(3, { target: "products", targetIds: ["9"] }),
    ]);
    expect(configuration.collectionIds).toEqual(["gid://shopify/Collection/7", "gid://shopify/Collection/8"]);
    expect(configuration.rules.map((r) => r.on)).toEqual(["collections", "collections", "products"]);
  });

  it("groups rules by dates and combinations, each group one discount with only the classes its rules emit", () => {
    const ends = new Date(1_900_000_000_000);
    const groups = groupDiscountRules([
      rule(3),
      rule(1, { target: "products", targetIds: ["9"] }),
      rule(2, { endsAt: ends }),
      rule(4, { combinesWith: { ...NO_COMBINATION, shippingDiscounts: true } }),
    ]);
    expect(groups.map((group) => group.rules.map((r) => r.id.slice(-1)))).toEqual([["1", "3"], ["4"], ["2"]]);
    const input = discountInput(groups[0]!, new Date(1_800_000_000_000));
    expect(input).toMatchObject({ functionHandle: "segops-discount", discountClasses: ["ORDER", "PRODUCT"], startsAt: "2027-01-15T08:00:00.000Z", endsAt: null });
    expect(input.metafields).toEqual([{ namespace: "$app:segops-discount", key: "function-configuration", type: "json", value: JSON.stringify(buildFunctionConfiguration(groups[0]!.rules)) }]);
    expect(discountInput(groups[2]!, new Date(0)).endsAt).toBe(ends.toISOString());
  });
});
