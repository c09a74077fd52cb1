import type { FrameLocator, Page } from "playwright-core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { DECLARED_SCOPES } from "../../worker/shopify/scopes.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const SMALL_STORE = { products: 5, customers: 10, orders: 20, abandonedCheckouts: 2, days: 120 };
const STEP_LABELS = ["Storefront and server keys", "Webhook subscriptions", "Web pixel", "Product metafield definitions", "90-day history backfill"];

const setupRows = (frame: FrameLocator) => frame.locator('s-section[heading="Setup"] s-table-body s-table-row');

/** Reads the setup table until every step is done, returning every distinct row text seen on the way. */
async function watchSetupUntilDone(frame: FrameLocator, timeoutMs = 30_000): Promise<string[]> {
  const seen = new Set<string>();
  let rows: string[] = [];
  const done = async () => {
    rows = (await setupRows(frame).allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
    for (const row of rows) seen.add(row);
    return rows.length === STEP_LABELS.length && rows.every((row) => row.includes("Done"));
  };
  await waitFor(done, { what: "every setup step Done in the dashboard", timeoutMs, intervalMs: 100 }).catch((error: Error) => {
    throw new Error(`${error.message}; last rows: ${JSON.stringify(rows)}`);
  });
  return [...seen];
}

describeInChromium("embedded admin in Chromium", () => {
  const env = sharedAdminBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await env.browser.newPage();
  });
  afterEach(() => page.close());

  it("shows setup progress step by step until done, then the workspace and the public key the pixel got", async () => {
    const { shop } = await env.sim.createShop({ size: SMALL_STORE });
    const frame = await openApp(page, env.stack, shop);

    const seen = await watchSetupUntilDone(frame);
    expect(seen.some((row) => /Pending|Running/.test(row)), `rows seen: ${seen.join(" | ")}`).toBe(true);
    expect((await setupRows(frame).allInnerTexts()).map((row) => row.split(/\t|\n/)[0]?.trim())).toEqual(STEP_LABELS);
    await frame.getByText("SegOps is set up on your store.").waitFor();

    const workspace = frame.locator('s-section[heading="Workspace"]');
    await workspace.getByText("Active").waitFor();
    expect(await workspace.locator("code").innerText()).toBe(shop.replace(".myshopify.com", ""));
    const { webPixel } = await env.sim.state(shop);
    const publicKey = await frame.locator("code", { hasText: /^pk_live_/ }).innerText();
    expect(webPixel?.settings).toMatchObject({ publicKey });
  });

  it("reveals the server key once, and the revealed key authenticates the API", async () => {
    const { shop } = await env.sim.createShop({ size: SMALL_STORE });
    const frame = await openApp(page, env.stack, shop);
    const reveal = frame.getByRole("button", { name: "Reveal server key" });
    await reveal.click();

    await frame.getByText("It won't be shown again.", { exact: false }).waitFor();
    const serverKey = await frame.locator("s-banner", { hasText: "It won't be shown again." }).locator("code").innerText();
    expect(serverKey).toMatch(/^sk_live_\w+$/);
    const link = await fetch(`${env.stack.appUrl}/v1/connect-links`, { method: "POST", headers: { Authorization: `Bearer ${serverKey}` } });
    expect(link.status).toBe(201);
    expect(await reveal.count()).toBe(0);

    await frame.getByRole("button", { name: "I've stored it" }).click();
    await page.reload();
    await frame.getByText("SegOps is set up on your store.").waitFor();
    await frame.getByText("Server key", { exact: true }).waitFor();
    expect(await frame.getByRole("button", { name: "Reveal server key" }).count()).toBe(0);
    expect(await frame.locator("code", { hasText: /^sk_live_/ }).innerText()).toMatch(/^sk_live_…/);
  });

  it("shows a failed step with its error, and Retry resumes setup once the cause is fixed", async () => {
    const { shop } = await env.sim.createShop({ size: SMALL_STORE, grantedScopes: DECLARED_SCOPES.filter((scope) => scope !== "write_pixels") });
    const frame = await openApp(page, env.stack, shop);

    const pixel = setupRows(frame).filter({ hasText: "Web pixel" });
    await pixel.getByText("Failed").waitFor();
    expect(await pixel.innerText()).toContain("a required scope is missing");
    await frame.locator("s-banner", { hasText: "write_pixels" }).waitFor();

    await env.sim.setScopes(shop, [...DECLARED_SCOPES]);
    await frame.getByRole("button", { name: "Retry setup" }).click();
    await watchSetupUntilDone(frame);
    expect(await env.sim.state(shop).then((state) => state.webPixel)).not.toBeNull();
  });

  it("sends the merchant to Shopify's re-approval page from the scopes banner, and back to a finished setup", async () => {
    const { shop } = await env.sim.createShop({ size: SMALL_STORE, grantedScopes: DECLARED_SCOPES.filter((scope) => scope !== "write_pixels") });
    const frame = await openApp(page, env.stack, shop);
    await frame.getByRole("button", { name: "Approve scopes" }).click();

    await page.waitForURL(`${env.stack.simulatorUrl}/${shop}/admin/oauth/install?client_id=${env.stack.apiKey}`);
    await page.getByText("write_pixels").waitFor();
    await page.getByRole("button", { name: "Update app" }).click();
    // Shopify returns the merchant to the app's page in admin (the simulator names it by handle or API key).
    await page.waitForURL(new RegExp(`^${env.stack.simulatorUrl}/store/${shop.replace(".myshopify.com", "")}/apps/`));
    expect((await env.sim.shop(shop)).grantedScopes).toContain("write_pixels");
    await watchSetupUntilDone(frame);
  });

  it("navigates between pages in the frame, keeping the shop in the address", async () => {
    const { shop } = await env.sim.createShop({ size: SMALL_STORE });
    const frame = await openApp(page, env.stack, shop);
    await frame.getByRole("link", { name: "Product sync", exact: true }).click();
    await frame.locator('s-section[heading="Metafields in Shopify"]').waitFor();
    const inFrame = new URL(page.frames().find((f) => f.url().includes("/app/"))!.url());
    expect(inFrame.pathname).toBe("/app/product-sync");
    expect(inFrame.searchParams.get("shop")).toBe(shop);
    expect(await frame.locator('s-section[heading="Setup"]').count()).toBe(0);
    await frame.getByRole("link", { name: "Dashboard", exact: true }).click();
    await frame.locator('s-section[heading="Setup"]').waitFor();
  });
});
