import { expect, it } from "vitest";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const STORE = { products: 3, customers: 6, orders: 8, abandonedCheckouts: 0, days: 60 };

describeInChromium("Discounts page in Chromium", () => {
  const env = sharedAdminBrowser();
  const simDiscounts = async (shop: string) =>
    ((await (await fetch(`${env.stack.simulatorUrl}/_sim/shops/${shop}/discounts`)).json()) as { discounts: { title: string; status: string; metafields: { value: string }[] }[] }).discounts;

  it("offers to push a segment as tags, creates a rule that becomes a Shopify discount, then pauses and deletes it", async () => {
    const { shop } = await env.sim.createShop({ size: STORE });
    const page = await env.browser.newPage();
    const frame = await openApp(page, env.stack, shop);

    await frame.getByRole("link", { name: "Segments", exact: true }).click();
    await frame.getByRole("button", { name: "New segment" }).click();
    await frame.getByLabel("Name").fill("Big spenders");
    await frame.getByLabel("Segment query").fill("orders_count >= 1");
    await frame.getByRole("button", { name: "Create segment" }).click();
    await frame.locator('s-section[heading="Big spenders"]').waitFor();

    await frame.getByRole("link", { name: "Discounts", exact: true }).click();
    await frame.getByText("No discount rules yet").waitFor();
    await frame.getByText("0 of 25 active rules").waitFor();
    await frame.getByRole("button", { name: "New rule" }).click();
    await frame.getByRole("button", { name: "Big spenders" }).click();
    await frame.locator('s-banner[heading="Big spenders is not pushed as customer tags"]').waitFor();
    await frame.getByRole("button", { name: "Push Big spenders as customer tags" }).click();
    await frame.getByText("Members carry segops:big-spenders").waitFor();

    await frame.getByLabel("Title shown at checkout").fill("Thanks: 15% off");
    await frame.getByLabel("Percentage off").fill("15");
    await frame.getByRole("button", { name: "Create rule" }).click();
    const row = frame.locator("s-table-row", { hasText: "Thanks: 15% off" });
    await row.getByText("Active").waitFor();
    await frame.getByText("1 of 25 active rules").waitFor();
    expect(await row.innerText()).toContain("15% off");
    const [discount] = await simDiscounts(shop);
    expect(discount).toMatchObject({ title: "SegOps: Thanks: 15% off", status: "ACTIVE" });
    expect(JSON.parse(discount!.metafields[0]!.value)).toMatchObject({ tags: ["segops:big-spenders"] });

    await row.getByRole("button", { name: "Pause", exact: true }).click();
    await row.getByText("Paused").waitFor();
    await frame.getByText("0 of 25 active rules").waitFor();
    expect(await simDiscounts(shop)).toEqual([]);

    await row.getByRole("button", { name: "Delete", exact: true }).click();
    await row.getByRole("button", { name: "Delete rule" }).click();
    await frame.getByText("No discount rules yet").waitFor();
    await page.close();
  }, 180_000);
});
