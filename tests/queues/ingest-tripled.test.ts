import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { webhookMessage } from "../helpers/ingest-queue.ts";
import { countStored, countsLine, orderBody } from "../helpers/fault-counts.ts";
import { seeded, shuffle } from "../helpers/faulty-d1.ts";
import { deliverIngest, queued, type Queued } from "../helpers/redeliver.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";
import { signWebhook } from "../helpers/webhook-requests.ts";
import { waitFor } from "../helpers/wait-for.ts";

const DELIVERIES = 2_000;
const OVER_HTTPS = 150;

describe("deliveries tripled and shuffled: each stored once", () => {
  it(`${DELIVERIES} deliveries, each queued 3× in random order, two consumers at a time`, async ({ annotate }) => {
    const random = seeded(3);
    const tenants = await Promise.all([seedTenant(), seedTenant(), seedTenant(), seedTenant()]);
    // Shopify's retries carry the same X-Shopify-Webhook-Id, so the three copies share their delivery key.
    const deliveries = Array.from({ length: DELIVERIES }, (_, n) => webhookMessage(tenants[n % tenants.length]!.shop, "orders/create", orderBody(n, 300)));
    const copies = shuffle(queued(deliveries.flatMap((delivery) => [delivery, delivery, delivery])), random);
    const batches: Queued[][] = [];
    for (let i = 0; i < copies.length; i += 100) batches.push(copies.slice(i, i + 100));
    const consumer = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const { unacked } = await deliverIngest(batch);
        expect(unacked).toEqual([]);
      }
    };
    await Promise.all([consumer(), consumer()]);

    const counts = await countStored(
      tenants.map((tenant) => tenant.tenantId),
      DELIVERIES,
    );
    expect(counts).toMatchObject({ accepted: DELIVERIES, stored: DELIVERIES, doubled: 0 });
    const line = countsLine(`${DELIVERIES} orders/create deliveries × 3 copies (${copies.length} messages) shuffled`, counts);
    console.log(line);
    await annotate(line, "counts");
  });

  it(`${OVER_HTTPS} signed deliveries, each POSTed 3× in random order to /webhooks, through the real queue`, async ({ annotate }) => {
    const random = seeded(7);
    const tenant = await seedTenant();
    const requests = await Promise.all(
      Array.from({ length: OVER_HTTPS }, async (_, n) => {
        const body = orderBody(50_000 + n, 40);
        const headers = {
          "Content-Type": "application/json",
          "X-Shopify-Topic": "orders/create",
          "X-Shopify-Shop-Domain": tenant.shop,
          "X-Shopify-Hmac-Sha256": await signWebhook(body),
          "X-Shopify-Webhook-Id": crypto.randomUUID(),
          "X-Shopify-Event-Id": crypto.randomUUID(),
          "X-Shopify-Triggered-At": new Date().toISOString(),
          "X-Shopify-API-Version": "2026-07",
        };
        return { headers, body };
      }),
    );
    const sends = shuffle(
      requests.flatMap((request) => [request, request, request]),
      random,
    );
    const statuses = new Map<number, number>();
    for (let i = 0; i < sends.length; i += 30) {
      const answers = await Promise.all(
        sends.slice(i, i + 30).map(({ headers, body }) => exports.default.fetch(new Request("https://segops.test/webhooks", { method: "POST", headers, body }))),
      );
      for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: sends.length });
    const counts = await waitFor(
      async () => {
        const now = await countStored([tenant.tenantId], OVER_HTTPS);
        return now.stored >= OVER_HTTPS ? now : null;
      },
      { what: `${OVER_HTTPS} orders stored from the queue`, timeoutMs: 45_000 },
    );
    expect(counts).toMatchObject({ accepted: OVER_HTTPS, stored: OVER_HTTPS, doubled: 0 });
    const line = countsLine(`${OVER_HTTPS} signed deliveries × 3 POSTs shuffled`, counts);
    console.log(line);
    await annotate(line, "counts");
  });
});
