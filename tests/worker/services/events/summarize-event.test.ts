import { describe, expect, it } from "vitest";
import { summarizeEvent } from "../../../../worker/services/events/summarize-event.ts";

describe("summarizeEvent", () => {
  it.each([
    ["a purchase", { name: "#1001", orderId: "9007199254740993", totalPrice: 120.5, currency: "USD", lineItems: [{}, {}], financialStatus: "paid" }, "#1001 · 120.50 USD · 2 items · paid"],
    ["a consent change", { customerId: "1", channel: "email", state: "subscribed" }, "email subscribed"],
    ["a page view, dropping the query string", { page: { path: "/collections/all?utm_source=x&token=abc", url: "https://shop/collections/all?token=abc" } }, "/collections/all"],
    ["a custom event", { eventName: "quiz_done", data: { email: "a@b.co" } }, "quiz_done"],
  ])("sums up %s from allowed fields", (_case, properties, summary) => {
    expect(summarizeEvent(properties)).toBe(summary);
  });

  it("never shows an email, even one typed into a search or an alert", () => {
    expect(summarizeEvent({ query: "ada@example.com", resultCount: 0 })).toBe('search "[email]" (0 results)');
    expect(summarizeEvent({ alertType: "Sent to jo.doe+shop@mail.example.org" })).toBe("Sent to [email]");
  });

  it("stays one short line", () => {
    expect(summarizeEvent({ title: "x".repeat(300) })).toHaveLength(120);
  });
});
