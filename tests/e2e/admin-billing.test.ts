import { expect, it } from "vitest";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const EMPTY = { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 };

describeInChromium("Billing page in Chromium", () => {
  const env = sharedAdminBrowser();

  it("subscribes to Growth through Shopify's approval page into a trial, then declines an upgrade to Scale and says so", async () => {
    const { shop } = await env.sim.createShop({ size: EMPTY });
    const page = await env.browser.newPage();
    let frame = await openApp(page, env.stack, shop);

    await frame.getByRole("link", { name: "Billing", exact: true }).click();
    const summary = frame.locator('s-section[heading="Your plan"]');
    await summary.getByText("Starter", { exact: true }).waitFor({ timeout: 60_000 });
    await frame.getByRole("progressbar", { name: "Segments: 0 of 3 used" }).waitFor();
    expect(await frame.locator("s-badge", { hasText: "Current plan" }).count()).toBe(1);

    await frame.getByRole("button", { name: "Choose Growth" }).click();
    const approval = page.getByRole("region", { name: "Approve subscription" });
    await approval.getByText("SegOps Growth").waitFor({ timeout: 30_000 });
    expect(await approval.innerText()).toContain("Free for 30 days, then $49");
    await approval.getByRole("button", { name: "Approve" }).click();

    // Shopify's return URL frames the Billing page again, with the charge it decided.
    frame = page.frameLocator("#app-iframe");
    await frame.locator('s-banner[heading="Growth is active"]').waitFor({ timeout: 30_000 });
    await summary.getByText("Growth", { exact: true }).waitFor();
    await summary.getByText(/^Trial: 30 days left, until /).waitFor();
    await summary.getByText(/^Next renewal: /).waitFor();
    await frame.getByRole("progressbar", { name: "Segments: 0 of 25 used" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/\/apps\/segops\/billing$/);

    await frame.getByRole("button", { name: "Choose Scale" }).click();
    await approval.getByText("SegOps Scale").waitFor({ timeout: 30_000 });
    await approval.getByRole("button", { name: "Decline" }).click();

    frame = page.frameLocator("#app-iframe");
    const declined = frame.locator('s-banner[heading="The Scale subscription was declined"]');
    await declined.waitFor({ timeout: 30_000 });
    expect(await declined.innerText()).toContain("This workspace stays on Growth.");
    await summary.getByText("Growth", { exact: true }).waitFor();
    expect(await frame.locator('s-banner[heading="Growth is active"]').count()).toBe(0);
    await page.close();
  }, 240_000);

  it("answers a Starter workspace's 4th segment with an upgrade prompt that leads to the Billing page", async () => {
    const { shop } = await env.sim.createShop({ size: EMPTY });
    const page = await env.browser.newPage();
    const frame = await openApp(page, env.stack, shop);
    await frame.getByRole("link", { name: "Segments", exact: true }).click();
    await frame.getByText("No segments yet").waitFor({ timeout: 60_000 });

    // Three segments through the admin API, as the page would make them; the fourth through the page.
    const token = await env.sim.sessionToken(shop);
    for (const name of ["One", "Two", "Three"]) {
      const res = await fetch(`${env.stack.appUrl}/admin/api/segments`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name, kind: "customer", query: "orders_count >= 1" }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }

    await frame.getByRole("button", { name: "New segment" }).click();
    await frame.getByLabel("Name").fill("Four");
    await frame.getByLabel("Segment query").fill("orders_count >= 1");
    await frame.getByText(/customers? match right now\.$/).waitFor({ timeout: 10_000 });
    await frame.getByRole("button", { name: "Create segment" }).click();
    const prompt = frame.locator('s-banner[heading="The segment was not saved"]');
    await prompt.getByText("Plan limit reached. Segments: 3 of 3 used").waitFor({ timeout: 30_000 });
    expect(await prompt.getAttribute("tone")).toBe("warning");
    expect(await prompt.innerText()).toContain("Upgrade to Growth for more.");

    await prompt.getByRole("link", { name: "Upgrade on the Billing page" }).click();
    await frame.getByRole("button", { name: "Choose Growth" }).waitFor();
    await frame.getByRole("progressbar", { name: "Segments: 3 of 3 used" }).waitFor();
    await page.close();
  }, 180_000);
});
