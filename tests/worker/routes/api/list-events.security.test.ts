import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import type { ListEventsResponse } from "../../../../worker/routes/api/list-events.ts";
import { apiGet } from "../../../helpers/api-client.ts";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { profileByCustomer } from "../../../helpers/read-ingested.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

describe("public API (security)", () => {
  it("answers 401 without a server key, with a public key, or with a made-up key", async () => {
    const tenant = await seedTenant();
    expect((await apiGet("/v1/events", null)).status).toBe(401);
    expect((await apiGet("/v1/events", tenant.publicKey)).status).toBe(401);
    expect((await apiGet("/v1/profiles/prof_x", "sk_live_madeup")).status).toBe(401);
  });

  it("scopes events and profiles to the key's tenant: another tenant's profile is 404", async () => {
    const owner = await seedTenant();
    const stranger = await seedTenant();
    await consumeIngestBatch([webhookMessage(owner.shop, "orders/paid", orderText)]);
    const profile = await profileByCustomer(owner.tenantId, "9007199254740995");
    expect((await apiGet(`/v1/profiles/${profile!.id}`, owner.serverKey)).status).toBe(200);
    expect((await apiGet(`/v1/profiles/${profile!.id}`, stranger.serverKey)).status).toBe(404);
    expect((await apiGet<ListEventsResponse>("/v1/events", stranger.serverKey)).body.data).toEqual([]);
    expect((await apiGet<ListEventsResponse>(`/v1/events?profileId=${profile!.id}`, stranger.serverKey)).body.data).toEqual([]);
  });
});
