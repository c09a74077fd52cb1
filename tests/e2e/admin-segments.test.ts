import { expect, it } from "vitest";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const STORE = { products: 5, customers: 12, orders: 30, abandonedCheckouts: 3, days: 120 };

describeInChromium("Segments page in Chromium", () => {
  const env = sharedAdminBrowser();

  it("suggests a segment on the dashboard after the backfill, then creates a segment with inline errors and a live count, and pushes it as tags", async () => {
    const { shop } = await env.sim.createShop({ size: STORE });
    const page = await env.browser.newPage();
    const frame = await openApp(page, env.stack, shop);

    const suggestion = frame.locator('s-section[heading="Suggested segment"]');
    await suggestion.getByRole("button", { name: /^Add "/ }).waitFor({ timeout: 90_000 });

    await frame.getByRole("link", { name: "Segments", exact: true }).click();
    await frame.getByText("No segments yet").waitFor();
    await frame.getByRole("button", { name: "New segment" }).click();
    await frame.getByLabel("Name").fill("Repeat buyers");
    const query = frame.getByLabel("Segment query");
    await query.fill("orders_count >= 2 and\n  total_spnt >= 10");
    await frame.getByRole("alert").getByText("Line 2, column 3: unknown attribute `total_spnt` — did you mean `total_spent`?").waitFor();
    expect(await frame.locator(".dsl-backdrop mark").innerText()).toBe("total_spnt");
    expect(await frame.locator(".dsl-gutter .dsl-error-line").innerText()).toBe("2");

    await query.fill("orders_count >= 2");
    const counted = await frame.getByText(/^\d+ customers? match right now\.$/).innerText({ timeout: 10_000 });
    const members = Number(counted.split(" ")[0]);
    expect(members).toBeGreaterThan(0);
    expect(await frame.getByRole("alert").count()).toBe(0);
    await frame.getByText("Translates to a Shopify segment:").waitFor();

    await frame.getByRole("button", { name: /^Customer tags/ }).click();
    await frame.getByRole("button", { name: "Create segment" }).click();
    await frame.locator('s-section[heading="Repeat buyers"]').getByText(`${members} tagged, 0 untagged`).waitFor({ timeout: 30_000 });
    expect(await frame.locator("s-badge", { hasText: "Pushed" }).count()).toBe(1);
    await frame.locator(".size-chart svg").waitFor();

    const state = await env.sim.state(shop);
    const tagged = Object.values(state.customerTags).filter((tags) => tags.includes("segops:repeat-buyers"));
    expect(tagged).toHaveLength(members);
    expect(state.graphqlCalls.tagsAdd).toBe(members);

    await frame.getByRole("button", { name: "Push now" }).click();
    await frame.getByRole("button", { name: "Push now" }).and(frame.locator("[loading]")).waitFor();
    await frame.getByText("0 tagged, 0 untagged").waitFor({ timeout: 30_000 });
    expect((await env.sim.state(shop)).graphqlCalls.tagsAdd).toBe(members);
    await page.close();
  }, 180_000);
});
