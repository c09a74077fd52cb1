import { expect, it } from "vitest";
import { waitFor } from "../helpers/wait-for.ts";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const STORE = { products: 4, customers: 6, orders: 12, abandonedCheckouts: 0, days: 60 };

describeInChromium("Landing pages in Chromium", () => {
  const env = sharedAdminBrowser();

  it("creates a page with blocks and picked products, previews it, publishes it to the storefront, and links to the theme editor", async () => {
    const { shop } = await env.sim.createShop({ size: STORE });
    // Created before the install, so the setup's backfill brings them into SegOps' catalog.
    const first = (await env.sim.createProduct(shop, { title: "Wool scarf" })).product.id;
    const second = (await env.sim.createProduct(shop, { title: "Felt hat" })).product.id;
    const page = await env.browser.newPage();
    const frame = await openApp(page, env.stack, shop);
    await frame.getByText("SegOps is set up on your store.").waitFor({ timeout: 90_000 });
    // The backfill may still be importing: the storefront's product strip lists what SegOps' catalog holds.
    const shopStorefront = `${env.stack.simulatorUrl}/storefront/${shop.replace(".myshopify.com", "")}/apps/segops`;
    const catalogued = async () => {
      const strip = await (await fetch(`${shopStorefront}/recommendations?rule=best_sellers&limit=12`)).text();
      return [first, second].every((id) => strip.includes(`data-product-id="${id}"`));
    };
    await waitFor(catalogued, { what: "both new products in SegOps' catalog", timeoutMs: 60_000, intervalMs: 250 });

    await frame.getByRole("link", { name: "Landing pages", exact: true }).click();
    await frame.getByText("No landing pages yet").waitFor();
    await frame.getByRole("button", { name: "New landing page" }).click();
    await frame.getByLabel("Slug").fill("winter-sale");
    await frame.getByLabel("Title").fill("Winter sale");
    await frame.getByLabel("Introduction").fill("Warm picks for {{ shop.name }}.");
    await frame.getByRole("button", { name: "Add heading to blocks" }).click();
    await frame.getByLabel("Blocks 1 text").fill("Our favourites");
    await frame.getByRole("button", { name: "Add button to blocks" }).click();
    await frame.getByLabel("Blocks 2 text").fill("Shop all");
    await frame.getByLabel("Blocks 2 link").fill("/collections/all");
    await frame.getByLabel("Products", { exact: true }).selectOption("picks");
    await frame.getByLabel("Product ids, in order").fill(`${second}, ${first}`);

    await frame.getByRole("button", { name: "Preview as a guest" }).click();
    const preview = frame.frameLocator('iframe[title="Landing page preview"]');
    await preview.getByRole("heading", { name: "Winter sale" }).waitFor();
    expect(await preview.getByText("Warm picks for {{ shop.name }}.").count()).toBe(1);
    expect(await preview.locator(".segops-product").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-product-id")))).toEqual([second, first]);
    expect(await preview.locator(".segops-title").allInnerTexts()).toEqual(["Felt hat", "Wool scarf"]);

    await frame.getByRole("button", { name: "Create page" }).click();
    const list = frame.locator('s-section[heading="Your landing pages"]');
    await list.getByText("/apps/segops/pages/winter-sale").waitFor();
    await list.locator("s-badge", { hasText: "Draft" }).waitFor();
    const storefront = `${shopStorefront}/pages/winter-sale`;
    expect((await fetch(storefront)).status).toBe(404);

    await frame.getByRole("button", { name: "Publish" }).click();
    await list.locator("s-badge", { hasText: "Published" }).waitFor();
    const live = await fetch(storefront);
    expect(live.status).toBe(200);
    const liquid = await live.text();
    expect(liquid).toContain("<h1>Winter sale</h1>");
    expect(liquid).toContain('<a class="button" href="/collections/all">Shop all</a>');

    expect(await frame.locator("s-link", { hasText: "View on the storefront" }).getAttribute("href")).toBe(`https://${shop}/apps/segops/pages/winter-sale`);
    const themeEditor = new URL((await frame.locator("s-link", { hasText: "Add to the theme" }).getAttribute("href"))!);
    expect(`${themeEditor.origin}${themeEditor.pathname}`).toBe(`https://${shop}/admin/themes/current/editor`);
    expect(Object.fromEntries(themeEditor.searchParams)).toEqual({ template: "index", addAppBlockId: `${env.stack.apiKey}/landing-page`, target: "newAppsSection" });

    await frame.getByRole("button", { name: "Delete" }).click();
    await frame.getByRole("button", { name: "Delete page" }).click();
    await frame.getByText("No landing pages yet").waitFor();
    expect((await fetch(storefront)).status).toBe(404);
    await page.close();
  }, 180_000);
});
