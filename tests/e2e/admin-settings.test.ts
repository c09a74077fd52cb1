import { text } from "node:stream/consumers";
import { expect, it } from "vitest";
import { waitFor } from "../helpers/wait-for.ts";
import { describeInChromium, openApp, sharedAdminBrowser } from "./admin-browser.ts";

const NEW_STORE = { products: 1, customers: 0, orders: 0, abandonedCheckouts: 0, days: 30 };

describeInChromium("Settings → Privacy in Chromium", () => {
  const env = sharedAdminBrowser();

  it("lists privacy requests as they are carried out, downloads a customer's export, and saves the event retention and the hot window", async () => {
    const { shop } = await env.sim.createShop({ size: NEW_STORE });
    const page = await env.browser.newPage();
    const frame = await openApp(page, env.stack, shop);
    await frame.getByText("SegOps is set up on your store.").waitFor({ timeout: 60_000 });
    const email = `grace.${crypto.randomUUID().slice(0, 6)}@privacy.example`;
    const { customer } = await env.sim.createCustomer(shop, { email, firstName: "Grace", lastName: "Hopper" });
    // The export holds what SegOps has stored, so the request waits until customers/create is ingested.
    await waitFor(async () => {
      const res = await fetch(`${env.stack.appUrl}/admin/api/events/recent?limit=50`, { headers: { Authorization: `Bearer ${await env.sim.sessionToken(shop)}` } });
      const { data } = (await res.json()) as { data: { name: string }[] };
      return data.some((event) => event.name === "customer_created");
    }, { what: "the new customer's profile stored" });

    await frame.getByRole("link", { name: "Settings", exact: true }).click();
    const requests = frame.locator('s-section[heading="Privacy requests"]');
    await requests.getByText("No privacy requests yet").waitFor();
    const retention = frame.getByRole("spinbutton", { name: "Keep events for (days)" });
    expect(await retention.inputValue()).toBe("400");

    await env.sim.compliance(shop, { topic: "customers/data_request", customerId: customer.id });
    const row = requests.locator("s-table-body s-table-row", { hasText: "Customer data request" });
    await row.getByText("Completed").waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain(customer.id);
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("button", { name: /^Download/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^segops-customer-export-prv_.+\.json$/);
    const exported = JSON.parse(await text(await download.createReadStream())) as { profiles: { email: string }[]; events: unknown[] };
    expect(exported.profiles.map((profile) => profile.email)).toEqual([email]);
    expect(exported.events.length).toBeGreaterThan(0);

    await env.sim.compliance(shop, { topic: "customers/redact", customerId: customer.id });
    await requests.locator("s-table-body s-table-row", { hasText: "Customer erasure" }).getByText("Completed").waitFor({ timeout: 30_000 });

    await retention.fill("10");
    await frame.getByText("A whole number of days from 30 to 3650").waitFor();
    expect(await frame.getByRole("button", { name: "Save retention" }).isDisabled()).toBe(true);
    await retention.fill("90");
    const hotWindow = frame.getByRole("spinbutton", { name: "Keep raw events in the database for (days)" });
    expect(await hotWindow.inputValue()).toBe("90");
    await hotWindow.fill("60");
    await frame.getByRole("button", { name: "Save retention" }).click();
    await frame.getByText("Data retention saved", { exact: false }).waitFor();
    await page.reload();
    await frame.getByRole("link", { name: "Settings", exact: true }).click();
    await frame.getByRole("spinbutton", { name: "Keep events for (days)" }).waitFor();
    expect(await frame.getByRole("spinbutton", { name: "Keep events for (days)" }).inputValue()).toBe("90");
    expect(await frame.getByRole("spinbutton", { name: "Keep raw events in the database for (days)" }).inputValue()).toBe("60");
    await page.close();
  }, 180_000);
});
