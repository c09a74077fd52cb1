import { describe, expect, it } from "vitest";
import { readIdsInPlace } from "../../../../worker/services/backfill/read-ids-in-place.ts";
import { sharedFixturePaths, sharedFixture } from "../../../helpers/shared-fixtures.ts";
import checkoutsText from "../../../fixtures/backfill/abandoned-checkouts.jsonl?raw";
import nestedText from "../../../fixtures/backfill/nested-depth-2.jsonl?raw";
import ordersText from "../../../fixtures/backfill/orders-children-first.jsonl?raw";
import productsText from "../../../fixtures/backfill/products.jsonl?raw";

/** What staging used to do for every line: parse it. */
function parsedIds(line: string) {
  const value = JSON.parse(line) as { id?: unknown; __parentId?: unknown };
  return { id: typeof value.id === "string" ? value.id : null, parentId: typeof value.__parentId === "string" ? value.__parentId : null };
}

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter((line) => line !== "");

describe("reading a bulk line's ids without parsing it", () => {
  it("reads Shopify's layout (id first, __parentId last, escaped slashes)", () => {
    expect(readIdsInPlace(String.raw`{"id":"gid:\/\/shopify\/LineItem\/11","title":"x","__parentId":"gid:\/\/shopify\/Order\/1001"}`)).toEqual({
      id: "gid://shopify/LineItem/11",
      parentId: "gid://shopify/Order/1001",
    });
    expect(readIdsInPlace(String.raw`{"id":"gid:\/\/shopify\/Order\/1001","name":"#1"}`)).toEqual({ id: "gid://shopify/Order/1001", parentId: null });
  });

  it.each([
    ["id not first", String.raw`{"__typename":"Order","id":"gid:\/\/shopify\/Order\/1"}`],
    ["a numeric id", `{"id":1,"name":"#1"}`],
    ["__parentId not last", String.raw`{"id":"gid:\/\/shopify\/LineItem\/1","__parentId":"gid:\/\/shopify\/Order\/1","title":"x"}`],
    ["__parentId inside a nested object", `{"id":"a","meta":{"__parentId":"b"}}`],
    ["an id with another escape", String.raw`{"id":"gid:\/\/shopify\/Order\/\u0031","name":"#1"}`],
    ["a parent id with another escape", String.raw`{"id":"a","__parentId":"b\u0031"}`],
  ])("leaves a line with %s to the parser", (_, line) => {
    expect(readIdsInPlace(line)).toBeNull();
  });

  it("is not fooled by the key's name inside a string value", () => {
    const line = String.raw`{"id":"a","note":"\"__parentId\":\"b\"}"}`;
    expect(parsedIds(line)).toEqual({ id: "a", parentId: null });
    expect(readIdsInPlace(line)).toBeNull();
  });

  it("agrees with parsing on every line of the project's and Shopify's sample files", () => {
    const shared = sharedFixturePaths("bulk-jsonl/").map((path) => sharedFixture(path) ?? "");
    let readInPlace = 0;
    for (const line of [ordersText, nestedText, checkoutsText, productsText, ...shared].flatMap(lines)) {
      const ids = readIdsInPlace(line);
      if (ids === null) continue;
      readInPlace++;
      expect(ids).toEqual(parsedIds(line));
    }
    expect(readInPlace).toBeGreaterThan(10);
  });
});
