import { expect, it } from "vitest";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const NEW_STORE = { products: 1, customers: 0, orders: 0, abandonedCheckouts: 0, days: 30 };

type HandshakeConfig = { trackedEvents: string[]; samplingPercent: number };

describeInChromium("Pixel page and event stream in Chromium", () => {
  const env = sharedAdminBrowser();

  const collector = async <T>(path: "handshake" | "events", body: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${env.stack.appUrl}/pixel/v1/${path}`, { method: "POST", headers: { "Content-Type": "text/plain;charset=UTF-8" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  };

  it("saves sampling and a tracked event for the next handshake, counts pixel events live, and streams a delivered webhook on the dashboard", async () => {
    const { shop } = await env.sim.createShop({ size: NEW_STORE });
    const page = await env.browser.newPage();
    const frame = await openApp(page, env.stack, shop);
    await frame.getByText("SegOps is set up on your store.").waitFor({ timeout: 60_000 });
    const stream = frame.locator('s-section[heading="Event stream"]');
    await stream.getByText("No events yet").waitFor();
    await frame.locator('s-section[heading="Event volume"]').getByText("No events in the last 14 days yet.").waitFor();

    await frame.getByRole("link", { name: "Pixel", exact: true }).click();
    await frame.locator('s-section[heading="Web pixel"]').getByText("Connected").waitFor();
    await frame.getByText("Nothing is sent, not even its handshake, until the visitor allows analytics", { exact: false }).waitFor();
    expect(await frame.locator("s-badge", { hasText: "Never sampled" }).count()).toBe(9);
    expect(await frame.getByRole("checkbox", { name: "Page viewed" }).isChecked()).toBe(true);
    const cartViewed = frame.getByRole("checkbox", { name: "Cart viewed" });
    expect(await cartViewed.isChecked()).toBe(false);
    await frame.getByText("No pixel events in the last 24 hours", { exact: false }).waitFor();

    await cartViewed.check();
    await frame.getByRole("checkbox", { name: "Search submitted" }).uncheck();
    const sampling = frame.getByRole("spinbutton", { name: "Visitors sampled (%)" });
    await sampling.fill("25");
    await frame.getByText("About 25 in 100 visitors send page, collection, product and search events", { exact: false }).waitFor();
    await frame.getByRole("button", { name: "Save" }).click();
    await frame.getByText("Pixel settings saved", { exact: false }).waitFor();

    const { webPixel } = await env.sim.state(shop);
    const publicKey = (webPixel!.settings as { publicKey: string }).publicKey;
    const clientId = crypto.randomUUID();
    const handshake = await collector<{ token: string; config: HandshakeConfig }>("handshake", { publicKey, clientId });
    expect(handshake.body.config.samplingPercent).toBe(25);
    expect(handshake.body.config.trackedEvents).toEqual(["page_viewed", "product_viewed", "product_added_to_cart", "cart_viewed", "checkout_started", "checkout_completed"]);

    const pageViewed = { id: `e2e-${clientId}`, name: "page_viewed", type: "standard", clientId, timestamp: new Date().toISOString(), context: { document: { location: { href: "https://shop.example/sale", pathname: "/sale" }, title: "Sale" } }, data: {} };
    expect((await collector("events", { token: handshake.body.token, events: [pageViewed] })).status).toBe(202);
    await frame.getByText("1 pixel event in the last hour, 1 in the last 24 hours").waitFor({ timeout: 20_000 });

    await page.reload();
    await frame.getByRole("link", { name: "Pixel", exact: true }).click();
    await frame.getByRole("checkbox", { name: "Cart viewed" }).waitFor();
    expect(await frame.getByRole("checkbox", { name: "Cart viewed" }).isChecked()).toBe(true);
    expect(await frame.getByRole("checkbox", { name: "Search submitted" }).isChecked()).toBe(false);
    expect(await frame.getByRole("spinbutton", { name: "Visitors sampled (%)" }).inputValue()).toBe("25");

    await frame.getByRole("link", { name: "Dashboard", exact: true }).click();
    const rows = stream.locator("s-table-body s-table-row");
    await rows.filter({ hasText: "page_view" }).filter({ hasText: "/sale" }).waitFor({ timeout: 20_000 });

    await env.sim.createOrder(shop, { email: "ada@example.com", financialStatus: "paid" });
    const orderRow = rows.filter({ hasText: "order_created" });
    await orderRow.waitFor({ timeout: 30_000 });
    expect(await orderRow.innerText()).toContain("webhook");
    await rows.filter({ hasText: "purchase" }).waitFor({ timeout: 30_000 });
    expect(await rows.first().innerText()).toMatch(/order_created|purchase/);
    expect(await stream.innerText()).not.toContain("ada@example.com");
    const volume = frame.locator('s-section[heading="Event volume"]');
    await volume.locator(".volume-chart svg").waitFor({ timeout: 30_000 });
    await expect.poll(() => volume.locator("figcaption").innerText(), { timeout: 30_000 }).toMatch(/webhook 2\s+pixel 1\s+backfill 0\s+api 0/);

    await stream.getByRole("button", { name: "Pause" }).click();
    await stream.getByText("Paused: new events wait until you resume.").waitFor();
    const before = await rows.count();
    const { order } = await env.sim.createOrder(shop, { financialStatus: "pending" });
    // A live stream in a second tab shows the new order: a paused one has had the same chance, and must not.
    const live = await env.browser.newPage();
    const liveRows = (await openApp(live, env.stack, shop)).locator('s-section[heading="Event stream"] s-table-body s-table-row');
    await liveRows.filter({ hasText: order.name }).first().waitFor({ timeout: 30_000 });
    await live.close();
    expect(await rows.count()).toBe(before);
    await stream.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(before + 1);
    await page.close();
  }, 180_000);
});
