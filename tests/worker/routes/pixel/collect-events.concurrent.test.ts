import { describe, expect, it } from "vitest";
import { storedEvents } from "../../../helpers/read-ingested.ts";
import { waitFor } from "../../../helpers/wait-for.ts";
import { ownPixelEvents, pixelToken, postPixel } from "../../../helpers/pixel-collector.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

describe("pixel collector under concurrent requests", () => {
  it("answers every one of 60 concurrent batches with 202 and stores each event once", async () => {
    const tenant = await seedTenant();
    const visitors = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const clientId = `concurrent-${i}-${crypto.randomUUID()}`;
        return { clientId, token: await pixelToken(tenant.publicKey, clientId) };
      }),
    );
    const answers = await Promise.all(
      visitors.map(async ({ clientId, token }) => {
        const res = await postPixel("/events", { token, events: ownPixelEvents(clientId).slice(0, 1) });
        return `${res.status} ${res.status === 202 ? "" : await res.text()}`.trim();
      }),
    );
    expect(answers).toEqual(visitors.map(() => "202"));
    const stored = await waitFor(async () => {
      const rows = await storedEvents(tenant.tenantId);
      return rows.length >= 60 && rows;
    }, { what: "60 pixel events stored" });
    expect(new Set(stored.map((row) => row.anonymous_id)).size).toBe(60);
    expect(stored).toHaveLength(60);
  });
});
