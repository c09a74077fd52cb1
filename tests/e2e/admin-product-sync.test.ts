import { expect, it } from "vitest";
import { waitFor } from "../helpers/wait-for.ts";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const STORE = { products: 80, customers: 0, orders: 0, abandonedCheckouts: 0, days: 30 };

type Row = { id: string; shopifyProductId: string; title: string; vendor: string | null; score: number | null; recommendations: number };
type Page = { data: Row[]; total: number };
type Summary = { total: number; scored: number; vendors: string[] };

describeInChromium("Product sync in Chromium", () => {
  const env = sharedAdminBrowser();

  it("lists the catalog's scores sorted and filtered, opens a product's recommendations, pushes with progress and keeps the switches", async () => {
    const { shop } = await env.sim.createShop({ size: STORE });
    const page = await env.browser.newPage();
    const frame = await openApp(page, env.stack, shop);
    await frame.getByText("SegOps is set up on your store.").waitFor({ timeout: 90_000 });
    const api = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${env.stack.appUrl}/admin/api${path}`, { headers: { Authorization: `Bearer ${await env.sim.sessionToken(shop)}` } });
      expect(res.status).toBe(200);
      return (await res.json()) as T;
    };
    // The backfill's end scores the catalog; the page reads what is stored.
    const summary = await waitFor(async () => {
      const read = await api<Summary>("/products/summary");
      return read.total === STORE.products && read.scored === read.total ? read : null;
    }, { what: "every backfilled product scored", timeoutMs: 90_000 });

    await frame.getByRole("link", { name: "Product sync", exact: true }).click();
    const scores = frame.locator('s-section[heading="Product scores"]');
    const rows = scores.locator("s-table-body s-table-row");
    await scores.getByText(`Page 1 of 4 · ${STORE.products} products`).waitFor({ timeout: 30_000 });
    await frame.getByText("Median score").waitFor();
    expect(await frame.locator("figure.score-chart svg rect").count()).toBeGreaterThan(0);
    const lowest = await api<Page>("/products?sort=score&direction=asc&limit=25");
    expect(await rows.count()).toBe(25);
    expect(await rows.first().innerText()).toContain(lowest.data[0]!.title);

    const highest = await api<Page>("/products?sort=score&direction=desc&limit=1");
    await frame.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Score, highest first" });
    await rows.first().getByText(highest.data[0]!.title, { exact: true }).waitFor();

    const vendor = summary.vendors[0]!;
    const byVendor = await api<Page>(`/products?vendor=${encodeURIComponent(vendor)}&limit=25`);
    await frame.getByRole("combobox", { name: "Vendor" }).selectOption({ label: vendor });
    await scores.getByText(`Page 1 of 1 · ${byVendor.total} products`).waitFor();
    expect(byVendor.total).toBeLessThan(STORE.products);
    for (const text of await rows.allInnerTexts()) expect(text).toContain(vendor);

    await frame.getByRole("combobox", { name: "Vendor" }).selectOption({ label: "All vendors" });
    await frame.getByRole("combobox", { name: "Recommendations" }).selectOption({ label: "Has recommendations" });
    const withFixes = await api<Page>("/products?hasRecommendations=true&sort=score&direction=desc&limit=25");
    await rows.first().getByText(withFixes.data[0]!.title, { exact: true }).waitFor();
    const product = withFixes.data[0]!;
    const detail = await api<{ recommendations: { points: number; message: string }[] }>(`/products/${product.id}/score`);
    await rows.first().getByRole("button", { name: product.title, exact: true }).click();
    const opened = frame.locator(`s-section[heading="Recommendations for ${product.title}"]`);
    await opened.waitFor();
    const items = opened.locator("s-list-item");
    expect(await items.count()).toBe(detail.recommendations.length);
    expect(await items.first().innerText()).toContain(`+${detail.recommendations[0]!.points} points`);
    expect(await items.first().innerText()).toContain(detail.recommendations[0]!.message);
    expect(await opened.getByRole("link", { name: "Edit in Shopify admin" }).getAttribute("href")).toBe(
      `https://admin.shopify.com/store/${shop.replace(".myshopify.com", "")}/products/${product.shopifyProductId}`,
    );

    // 320 metafields are two calls (100 and 30 points) on a 100-point bucket refilling 5 a second: the push waits
    // on Shopify's restore for seconds, long enough to watch it run.
    await env.sim.settings(shop, { throttle: { maximumAvailable: 100, restoreRate: 5 }, refillBucket: true });
    await frame.getByRole("button", { name: "Push now" }).click();
    const sync = frame.locator('s-section[heading="Metafields in Shopify"]');
    await sync.getByText("Push in progress").waitFor();
    await sync.getByRole("button", { name: "Pushing…" }).waitFor();
    await sync.getByText("Last push").waitFor({ timeout: 90_000 });
    expect(await sync.innerText()).toMatch(new RegExp(`${STORE.products} products written \\(\\d+ metafields\\) · 0 errors`));
    const state = await env.sim.state(shop);
    const owner = Object.keys(state.metafields).find((key) => key.endsWith(`/Product/${product.shopifyProductId}`));
    expect(owner, JSON.stringify(Object.keys(state.metafields).slice(0, 3))).toBeDefined();
    const written = state.metafields[owner!]!;
    const score = Object.entries(written).find(([key]) => key.endsWith("ai_readability_score"))?.[1];
    expect(score).toEqual({ type: "number_integer", value: String(product.score) });
    await scores.getByText("Not yet").first().waitFor({ state: "detached" });

    const outbound = frame.getByRole("switch", { name: "Outbound: send SegOps products to Shopify" });
    expect(await outbound.isChecked()).toBe(false);
    await outbound.click();
    await frame.getByText("Outbound sync on").waitFor();
    expect(await outbound.isChecked()).toBe(true);
    await page.reload();
    await frame.getByRole("link", { name: "Settings", exact: true }).click();
    const settings = frame.locator('s-section[heading="Product sync"]');
    await settings.getByText("every night at 03:00 UTC (cron 0 3 * * *)", { exact: false }).waitFor({ timeout: 30_000 });
    expect(await settings.getByRole("switch", { name: "Outbound: send SegOps products to Shopify" }).isChecked()).toBe(true);
    expect(await settings.getByRole("switch", { name: "Inbound: keep the catalog from Shopify" }).isChecked()).toBe(true);
    expect(await settings.innerText()).toContain(`${STORE.products} products written`);
    await page.close();
  }, 300_000);
});
