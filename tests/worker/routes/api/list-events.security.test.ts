import { describe, expect, it } from "vitest";
import orderText from "../../../fixtures/ingest/order-big-ids.json?raw";
import type { ListEventsResponse } from "../../../../worker/routes/api/list-events.ts";
import { apiGet } from "../../../helpers/api-fetch.ts";
import { consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { profileByCustomer } from "../../../helpers/read-ingested.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

describe("public API (security)", () => {
  it("answers 401 without a server key, with a public key, or with a made-up key", async () => {
    const tenant = await seedTenant();
    expect((await apiGet(null, "/events")).status).toBe(401);
    expect((await apiGet(tenant.publicKey, "/events")).status).toBe(401);
    expect((await apiGet("sk_live_madeup", "/profiles/prof_x")).status).toBe(401);
  });

  it("scopes events and profiles to the key's tenant: another tenant's profile is 404", async () => {
    const owner = await seedTenant();
    const stranger = await seedTenant();
    await consumeIngestBatch([webhookMessage(owner.shop, "orders/paid", orderText)]);
    const profile = await profileByCustomer(owner.tenantId, "9007199254740995");
    expect((await apiGet(owner.serverKey, `/profiles/${profile!.id}`)).status).toBe(200);
    expect((await apiGet(stranger.serverKey, `/profiles/${profile!.id}`)).status).toBe(404);
    expect((await apiGet<ListEventsResponse>(stranger.serverKey, "/events")).body.data).toEqual([]);
    expect((await apiGet<ListEventsResponse>(stranger.serverKey, `/events?profileId=${profile!.id}`)).body.data).toEqual([]);
  });
});
