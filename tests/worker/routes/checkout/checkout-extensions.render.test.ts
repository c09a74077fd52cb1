import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedBuyingHabitsShop } from "../../../helpers/buying-habits-shop.ts";
import { renderExtension, type RenderedBlock } from "../../../helpers/extension-host.ts";
import { waitFor } from "../../../helpers/wait-for.ts";

/** The block's product links as `title → href`, once the block has rendered them. */
const renderedLinks = (document: Document) =>
  waitFor(
    () => {
      const links = Array.from(document.querySelectorAll("s-section s-link")).map((link) => `${link.textContent} → ${link.getAttribute("href")}`);
      return links.length > 0 ? links : null;
    },
    { what: "the extension to render its products", timeoutMs: 20_000 },
  );

describe("the UI extensions' built bundles, rendered against a stand-in host and the real worker", () => {
  let shop: string;
  beforeAll(async () => {
    ({ shop } = await seedBuyingHabitsShop());
  });
  let rendered: RenderedBlock | null = null;
  const render = async (...args: Parameters<typeof renderExtension>) => {
    rendered = await renderExtension(...args);
    return rendered;
  };
  afterEach(() => rendered?.close());

  it("thank-you: shows what is bought with the order's lines first, linked to the storefront", async () => {
    const { document, requests } = await render("segops-thank-you", { shop, orderId: "777", productIds: ["101"] });
    const links = await renderedLinks(document);
    expect(links[0]).toBe(`Product 102 → https://${shop}/products/p-102`);
    expect(links).not.toContain(`Product 101 → https://${shop}/products/p-101`);
    expect(document.querySelector("s-section")?.getAttribute("heading")).toBe("Goes well with your order");
    expect(document.querySelector("s-product-thumbnail")?.getAttribute("src")).toBe("https://cdn.example/102.png");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/\/checkout\/v1\/thank-you\?product_ids=gid%3A%2F%2Fshopify%2FProduct%2F101&limit=4&order_id=gid%3A%2F%2Fshopify%2FOrder%2F777$/);
  });

  it("thank-you: a buyer in the VIP segment sees what the segment buys", async () => {
    const { document } = await render("segops-thank-you", { shop, customerId: "5001", orderId: "778", productIds: ["401"] });
    expect((await renderedLinks(document))[0]).toBe(`Product 301 → https://${shop}/products/p-301`);
  });

  it("order status: recommends from the signed-in customer's stored order", async () => {
    const { document, requests } = await render("segops-order-status", { shop, customerId: "5002", orderId: "9003", productIds: [] });
    const links = await renderedLinks(document);
    expect(links[0]).toBe(`Product 102 → https://${shop}/products/p-102`);
    expect(links.join()).not.toMatch(/Product 10[13] /);
    expect(document.querySelector("s-section")?.getAttribute("heading")).toBe("You may also like");
    expect(requests[0]).toContain("/checkout/v1/order-status?order_id=gid%3A%2F%2Fshopify%2FOrder%2F9003");
  });

  it("order status: shows nothing for another customer's order", async () => {
    const { document, statuses } = await render("segops-order-status", { shop, customerId: "5001", orderId: "9003", productIds: [] });
    await waitFor(() => (statuses.length > 0 ? true : null), { what: "the worker to answer the block", timeoutMs: 20_000 });
    expect(statuses).toEqual([404]);
    expect(document.querySelector("s-section")).toBeNull();
  });
});
