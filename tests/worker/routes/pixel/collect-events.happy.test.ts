import { describe, expect, it } from "vitest";
import { profileByCustomer, storedEvents } from "../../../helpers/read-ingested.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { ownPixelEvents, pixelToken, postPixel, STOREFRONT_ORIGIN } from "../../../helpers/pixel-collector.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

describe("pixel collector (happy)", () => {
  it("hands out a token with the default config for a live public key", async () => {
    const tenant = await seedTenant();
    const res = await postPixel("/handshake", { publicKey: tenant.publicKey, clientId: "visitor-1" });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as { token: string; expiresAt: string; config: Record<string, unknown> };
    expect(body.token.length).toBeLessThanOrEqual(1_000);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(body.config).toEqual({
      trackedEvents: ["page_viewed", "product_viewed", "product_added_to_cart", "checkout_started", "checkout_completed", "search_submitted"],
      samplingPercent: 100,
      maxBatchEvents: 50,
      maxBatchBytes: 65_536,
      flushIntervalMs: 2_000,
    });
  });

  it("accepts a batch with 202 and stores each event once under its canonical name, anonymous until linked", async () => {
    const tenant = await seedTenant();
    const clientId = crypto.randomUUID();
    const token = await pixelToken(tenant.publicKey, clientId);
    const events = ownPixelEvents(clientId).filter((event) => event.name !== "made_up_event");
    const res = await postPixel("/events", { token, events });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: events.length });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");

    const stored = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId);
      return rows.length === 5 && rows;
    }, { what: "the 5 pixel events stored" });
    expect(stored.map((event) => event.name)).toEqual(["page_view", "product_view", "add_to_cart", "search", "checkout_start"]);
    expect(stored.every((event) => event.source === "pixel" && event.anonymous_id === clientId && event.profile_id === null)).toBe(true);
    expect(stored.find((event) => event.name === "product_view")!.properties).toMatchObject({
      productId: "9007199254741003",
      variantId: "9007199254741005",
      price: 110,
      currency: "USD",
      page: { path: "/products/analytical-engine", referrer: "https://demo.myshopify.com/" },
    });
    expect(stored.find((event) => event.name === "search")!.properties).toMatchObject({ query: "engine", resultCount: 1 });
    expect(stored.find((event) => event.name === "checkout_start")!.dedup_key).toBe("checkout_start:c0ffee00c0ffee00c0ffee00c0ffee00");
  });

  it("stores a batch sent twice (retry after a lost answer) once", async () => {
    const tenant = await seedTenant();
    const clientId = crypto.randomUUID();
    const token = await pixelToken(tenant.publicKey, clientId);
    const events = ownPixelEvents(clientId).slice(0, 2);
    expect((await postPixel("/events", { token, events })).status).toBe(202);
    expect((await postPixel("/events", { token, events })).status).toBe(202);
    // The queue hands batches over in order: once a later batch is stored, both copies have been consumed.
    const later = ownPixelEvents(clientId).filter((event) => event.name === "search_submitted");
    expect((await postPixel("/events", { token, events: later })).status).toBe(202);
    const stored = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId);
      return rows.some((row) => row.name === "search") && rows;
    }, { what: "the later batch's search event" });
    expect(stored.map((row) => row.name).sort()).toEqual(["page_view", "product_view", "search"]);
  });

  it("answers a preflight, should a client send one, with the CORS grant", async () => {
    const { exports } = await import("cloudflare:workers");
    const res = await exports.default.fetch("https://segops.test/pixel/v1/events", {
      method: "OPTIONS",
      headers: { Origin: STOREFRONT_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  });

  it("ignores any customer id the pixel sends: the visitor stays anonymous and no profile appears", async () => {
    const tenant = await seedTenant();
    const clientId = crypto.randomUUID();
    const token = await pixelToken(tenant.publicKey, clientId);
    const spoofed = ownPixelEvents(clientId)
      .slice(0, 1)
      .map((event) => ({ ...event, userId: "7358220173425", customerId: "7358220173425", data: { customer: { id: "7358220173425" } } }));
    expect((await postPixel("/events", { token, events: spoofed })).status).toBe(202);
    const [event] = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId);
      return rows.length === 1 && rows;
    }, { what: "the spoofed pixel event stored" });
    expect(event!.profile_id).toBeNull();
    expect(JSON.stringify(event!.properties)).not.toContain("7358220173425");
    expect(await profileByCustomer(tenant.tenantId, "7358220173425")).toBeNull();
  });
});
