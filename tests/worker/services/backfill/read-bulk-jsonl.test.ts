import { describe, expect, it } from "vitest";
import { bulkTypeOf, childValues, joinBulkLines } from "../../../../worker/services/backfill/join-bulk-lines.ts";
import { readJsonlLines } from "../../../../worker/services/backfill/read-jsonl-lines.ts";
import { sharedFixture } from "../../../helpers/shared-fixtures.ts";
import checkoutsText from "../../../fixtures/backfill/abandoned-checkouts.jsonl?raw";
import nestedText from "../../../fixtures/backfill/nested-depth-2.jsonl?raw";
import ordersText from "../../../fixtures/backfill/orders-children-first.jsonl?raw";
import productsText from "../../../fixtures/backfill/products.jsonl?raw";

/** The text as a byte stream cut into `size`-byte pieces, so lines and multi-byte characters straddle pieces. */
function streamOf(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function linesOf(text: string, size = 7, base = 0) {
  const lines = [];
  for await (const batch of readJsonlLines(streamOf(text, size), base)) lines.push(...batch);
  return lines;
}

async function join(text: string) {
  return joinBulkLines((await linesOf(text)).map((line) => JSON.parse(line.text) as Record<string, unknown>));
}

describe("JSONL line splitting", () => {
  it.each([1, 7, 64, 100_000])("keeps every line and byte offset exact with %i-byte network pieces", async (size) => {
    const lines = await linesOf(ordersText, size);
    expect(lines.map((line) => line.text)).toEqual(ordersText.trimEnd().split("\n"));
    const bytes = new TextEncoder().encode(ordersText);
    for (const line of lines) expect(new TextDecoder().decode(bytes.slice(line.start, line.end)).trimEnd()).toBe(line.text);
    expect(lines.at(-1)!.end).toBe(bytes.length);
  });

  it("decodes multi-byte characters split across pieces", async () => {
    const titles = (await linesOf(ordersText, 3)).map((line) => JSON.parse(line.text).title as string | undefined);
    expect(titles).toContain("Café crème ☕");
    expect(titles).toContain("Thé vert 🍵");
  });

  it("reads a last line without a newline, strips CRLF and skips blank lines", async () => {
    expect((await linesOf(productsText)).map((line) => JSON.parse(line.text).id)).toHaveLength(4);
    const checkouts = await linesOf(checkoutsText);
    expect(checkouts).toHaveLength(3);
    expect(checkouts.every((line) => !line.text.endsWith("\r"))).toBe(true);
  });

  it("reports offsets relative to where a ranged read started", async () => {
    const whole = await linesOf(ordersText);
    const third = whole[2]!;
    const rest = await linesOf(new TextDecoder().decode(new TextEncoder().encode(ordersText).slice(third.start)), 5, third.start);
    expect(rest.map((line) => [line.start, line.end])).toEqual(whole.slice(2).map((line) => [line.start, line.end]));
  });
});

describe("joining bulk lines by __parentId", () => {
  it("attaches children that come before their parent, in file order", async () => {
    const { roots, orphans } = await join(ordersText);
    expect(orphans).toBe(0);
    expect(roots.map((root) => root.value.id)).toEqual(["gid://shopify/Order/1001", "gid://shopify/Order/1002", "gid://shopify/Order/1003"]);
    expect(childValues(roots[0]!, "LineItem").map((line) => line.id)).toEqual(["gid://shopify/LineItem/11", "gid://shopify/LineItem/12"]);
    expect(childValues(roots[2]!, "LineItem").map((line) => line.id)).toEqual(["gid://shopify/LineItem/21", "gid://shopify/LineItem/22"]);
    expect(roots[1]!.children).toEqual({});
  });

  it("builds depth 2 from a scrambled file and counts children whose parent never came", async () => {
    const { roots, orphans } = await join(nestedText);
    expect(roots).toHaveLength(1);
    const orders = roots[0]!.children.Order!;
    expect(orders.map((order) => order.value.name)).toEqual(["#90", "#91"]);
    expect(childValues(orders[0]!, "LineItem").map((line) => line.quantity)).toEqual([3, 1]);
    expect(orphans).toBe(1);
  });

  it("names child types from __typename, else from the gid", () => {
    expect(bulkTypeOf({ __typename: "MediaImage", id: "gid://shopify/ImageSource/1" })).toBe("MediaImage");
    expect(bulkTypeOf({ id: "gid://shopify/FulfillmentOrderLineItem/3" })).toBe("FulfillmentOrderLineItem");
    expect(bulkTypeOf({ __parentId: "gid://shopify/Product/1" })).toBe("Unknown");
  });
});

describe("Shopify's own bulk result files", () => {
  it("decodes escaped slashes in gids and joins the gatsby order to its line item", async () => {
    const text = sharedFixture("bulk-jsonl/gatsby_orders.jsonl");
    if (text === null) return;
    expect(text).toContain("gid:\\/\\/shopify");
    const { roots, orphans } = await join(text);
    expect(orphans).toBe(0);
    expect(roots.map((root) => root.value.id)).toEqual(["gid://shopify/Order/3838572757198"]);
    expect(childValues(roots[0]!, "LineItem")).toEqual([
      { id: "gid://shopify/LineItem/9995073585358", product: { id: "gid://shopify/Product/6950279086286" }, __parentId: "gid://shopify/Order/3838572757198" },
    ]);
  });

  it("groups the gatsby product's media and metafield children by type", async () => {
    const text = sharedFixture("bulk-jsonl/gatsby_products.jsonl");
    if (text === null) return;
    const { roots, orphans } = await join(text);
    expect(orphans).toBe(0);
    expect(roots.length).toBeGreaterThan(0);
    const children = roots.flatMap((root) => Object.entries(root.children).map(([type, nodes]) => [type, nodes.length] as const));
    expect(children.length).toBeGreaterThan(0);
    for (const [type] of children) expect(type).not.toBe("Unknown");
  });

  it("joins airbyte's two-level nesting (order → fulfillment order → line items and requests)", async () => {
    const text = sharedFixture("bulk-jsonl/airbyte_fulfillment_orders_nested.jsonl");
    if (text === null) return;
    const { roots, orphans } = await join(text);
    expect(orphans).toBe(0);
    expect(roots).toHaveLength(1);
    const fulfillment = roots[0]!.children.FulfillmentOrder![0]!;
    expect(Object.keys(fulfillment.children).sort()).toEqual(["FulfillmentOrderLineItem", "FulfillmentOrderMerchantRequest"]);
  });

  it("keeps airbyte's reversed file (grandchildren first) joining the same way", async () => {
    const text = sharedFixture("bulk-jsonl/airbyte_fulfillment_orders_nested.jsonl");
    if (text === null) return;
    const reversed = text.trimEnd().split("\n").reverse().join("\n");
    const { roots, orphans } = await join(reversed);
    expect(orphans).toBe(0);
    expect(roots[0]!.children.FulfillmentOrder![0]!.children.FulfillmentOrderLineItem).toHaveLength(1);
  });

  it("reads airbyte's customers, nested address arrays included, as roots without children", async () => {
    const text = sharedFixture("bulk-jsonl/airbyte_customer_addresses.jsonl");
    if (text === null) return;
    const { roots } = await join(text);
    expect(roots.map((root) => root.value.id)).toEqual(["gid://shopify/Customer/123", "gid://shopify/Customer/456"]);
    expect(roots[0]!.value.addresses).toHaveLength(1);
  });
});
