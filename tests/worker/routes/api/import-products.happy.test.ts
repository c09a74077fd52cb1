import { describe, expect, it } from "vitest";
import type { ImportProductsResponse } from "../../../../worker/routes/api/import-products.ts";
import { installOutboundShop, settledOutbound, shopifyProduct } from "../../../helpers/catalog-out.ts";
import { appFetch, sim } from "../../../helpers/harness.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const HEADER = "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Grams,Variant Price,Variant Barcode,Image Src,Image Alt Text,SEO Title,SEO Description,Status";

function importCsv(key: string, body: BodyInit): Promise<Response> {
  return appFetch("/v1/products/import", { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/csv" }, body, ...({ duplex: "half" } as object) });
}

async function imported(key: string, body: BodyInit): Promise<ImportProductsResponse> {
  const res = await importCsv(key, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ImportProductsResponse;
}

describe("POST /v1/products/import", () => {
  it("writes each product whole from its rows, and reports bad rows by line, leaving their product unwritten", { timeout: 120_000 }, async () => {
    const installed = await installOutboundShop();
    const csv = [
      HEADER,
      `socks,Merino socks,"<p>Warm ""merino"" socks.</p>\n<ul><li>Wool</li></ul>",Acme,Apparel > Socks,,"wool, winter",true,Size,S,Color,Grey,SOCK-S,100,12.00,111,https://cdn.example/socks.jpg,Grey socks,Merino socks,Warm socks for winter,active`,
      `socks,,,,,,,,,M,,Grey,SOCK-M,100,12.50,112,,,,,`,
      `socks,,,,,,,,,,,,,,,,https://cdn.example/socks-2.jpg,Socks on feet,,,`,
      `mug,Trail mug,<p>Enamel.</p>,Acme,,Mugs,camping,true,Color,Red,,,MUG-R,300,19.50,,,,,,draft`,
      `mug,,,,,,,,,Blue,,,MUG-B,300,not-a-price,,,,,,`,
      `mug,,,,,,,,,Green,,,MUG-G,300,-1,,,,,,`,
      `cap,Sun cap,,Acme,,Caps,,true,Title,Default Title,,,CAP-1,50,15,,,,,,active`,
      `,Orphan row,,,,,,,,,,,,,,,,,,,`,
    ].join("\r\n");
    const answer = await imported(installed.serverKey, csv);
    expect(answer).toMatchObject({ rows: 8, products: { written: 2, failed: 1 }, errorsTruncated: false });
    expect(answer.errors).toEqual([
      { line: 7, handle: "mug", column: "Variant Price", message: "a price like 19.99" },
      { line: 8, handle: "mug", column: "Variant Price", message: "a price like 19.99" },
      { line: 10, handle: null, column: "Handle", message: "Handle is empty: every row names its product" },
    ]);
    const rows = await settledOutbound(installed.tenantId, 2);
    expect(rows.map((row) => [row.handle, row.outbound_state])).toEqual([["cap", "pushed"], ["socks", "pushed"]]);
    const socks = await shopifyProduct(installed.tenantId, rows[1]!.shopify_product_id!);
    expect(socks).toMatchObject({ title: "Merino socks", status: "ACTIVE" });
    expect(socks!.variants.nodes.map((v) => [v.sku, v.selectedOptions.map((o) => o.value).join("/")])).toEqual([["SOCK-S", "S/Grey"], ["SOCK-M", "M/Grey"]]);
    const stored = await (await tenantDb(installed.tenantId)).prepare("select product_type, tags, data from products where tenant_id = ? and handle = 'socks'").bind(installed.tenantId).first<{ product_type: string; tags: string; data: string }>();
    expect(stored!.product_type).toBe("Socks");
    expect(JSON.parse(stored!.tags)).toEqual(["wool", "winter"]);
    expect(JSON.parse(stored!.data)).toMatchObject({
      descriptionHtml: '<p>Warm "merino" socks.</p>\n<ul><li>Wool</li></ul>',
      images: [{ src: "https://cdn.example/socks.jpg", alt: "Grey socks" }, { src: "https://cdn.example/socks-2.jpg", alt: "Socks on feet" }],
      seo: { title: "Merino socks", description: "Warm socks for winter" },
    });
  });

  it("reports a product whose rows are not together, a duplicate variant, and a file cut inside a quote", { timeout: 120_000 }, async () => {
    const installed = await installOutboundShop();
    const csv = [
      HEADER,
      `a,Product A,,,,,,,,,,,A-1,1,5,,,,,,`,
      `b,Product B,,,,,,,Size,S,,,B-S,1,5,,,,,,`,
      `b,,,,,,,,,S,,,B-S2,1,6,,,,,,`,
      `a,,,,,,,,,,,,A-2,1,6,,,,,,`,
      `c,"Product C, unfinished`,
    ].join("\n");
    const answer = await imported(installed.serverKey, csv);
    expect(answer.products).toEqual({ written: 1, failed: 2 });
    expect(answer.errors).toEqual([
      { line: 4, handle: "b", column: null, message: "another variant has the same option values" },
      { line: 5, handle: "a", column: "Handle", message: "the rows of a product must be together: a was read from line 2" },
      { line: 6, handle: null, column: null, message: "a quoted field is not closed before the end of the file" },
    ]);
    expect((await settledOutbound(installed.tenantId, 1)).map((row) => row.handle)).toEqual(["a"]);
  });

  it("streams a large file through, writing every product, in bounded batches", { timeout: 120_000 }, async () => {
    // A bucket that does not hold the 30 productSet calls back: the point here is the file, not the throttle.
    const installed = await installOutboundShop({ throttle: { restoreRate: 100_000, maximumAvailable: 1_000_000 } });
    // Over 1 MB in long descriptions rather than many products: the file is the point, and each product costs a push.
    const products = 300;
    const encoder = new TextEncoder();
    let i = 0;
    let bytes = 0;
    // Generated as it is read: the file is never a string in the test either.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i === 0) controller.enqueue(encoder.encode(`${HEADER}\n`));
        if (i >= products) return controller.close();
        const lines = [];
        for (const end = Math.min(products, i + 25); i < end; i++) {
          const description = `"<p>${"Soft merino wool, knitted in Portugal. ".repeat(100)}</p>"`;
          lines.push(`p-${i},Product ${i},${description},Acme,,Socks,wool,true,Size,S,,,P${i}-S,1,10,,,,,,active`, `p-${i},,,,,,,,,M,,,P${i}-M,1,11,,,,,,`);
        }
        const chunk = encoder.encode(`${lines.join("\n")}\n`);
        bytes += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const answer = await imported(installed.serverKey, body);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(answer).toEqual({ rows: products * 2, products: { written: products, failed: 0 }, errors: [], errorsTruncated: false });
    const counted = await (await tenantDb(installed.tenantId)).prepare("select count(*) as n from products where tenant_id = ? and origin = 'segops'").bind(installed.tenantId).first<{ n: number }>();
    expect(counted!.n).toBe(products);
    const pushed = await settledOutbound(installed.tenantId, products, 90_000);
    expect(pushed.filter((row) => row.outbound_state === "pushed")).toHaveLength(products);
    expect((await sim().state(installed.shop)).graphqlCalls.productSet).toBe(products);
  });

  it("re-importing the same file updates the same products: nothing twice", { timeout: 120_000 }, async () => {
    const installed = await installOutboundShop();
    const csv = `${HEADER}\ncap,Sun cap,,Acme,,Caps,,true,,,,,CAP-1,50,15,,,,,,active\n`;
    await imported(installed.serverKey, csv);
    const [first] = await settledOutbound(installed.tenantId, 1);
    await imported(installed.serverKey, csv);
    const rows = await settledOutbound(installed.tenantId, 1);
    expect(rows).toEqual([expect.objectContaining({ id: first!.id, shopify_product_id: first!.shopify_product_id, outbound_state: "pushed" })]);
    expect((await sim().state(installed.shop)).graphqlCalls.productSet).toBe(2);
  });
});
