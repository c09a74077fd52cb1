import { describe, expect, it } from "vitest";
import { pixelMessage, webhookMessage } from "../helpers/ingest-queue.ts";
import { countStored, countsLine, orderBody, pageViews } from "../helpers/fault-counts.ts";
import { faultyD1, killAt, seeded, shuffle, type D1Fault } from "../helpers/faulty-d1.ts";
import { deliverIngest, queued, redeliverUntilAcked, type Queued } from "../helpers/redeliver.ts";
import { seedTenant } from "../helpers/seed-tenant.ts";

const ORDERS_PER_TENANT = 12;
const VISITORS_PER_TENANT = 2;
const VIEWS_PER_VISITOR = 5;

/** One queue batch's worth of traffic for two fresh tenants: orders of a few customers, and visitors' page views. */
async function mixedTraffic() {
  const tenants = await Promise.all([seedTenant(), seedTenant()]);
  const bodies = tenants.flatMap((tenant, t) => [
    ...Array.from({ length: ORDERS_PER_TENANT }, (_, i) => webhookMessage(tenant.shop, "orders/create", orderBody(t * 1_000 + i, 4))),
    ...Array.from({ length: VISITORS_PER_TENANT }, () => {
      const clientId = crypto.randomUUID();
      return pixelMessage(tenant, clientId, pageViews(clientId, VIEWS_PER_VISITOR));
    }),
  ]);
  const accepted = tenants.length * (ORDERS_PER_TENANT + VISITORS_PER_TENANT * VIEWS_PER_VISITOR);
  return { tenantIds: tenants.map((tenant) => tenant.tenantId), messages: queued(bodies), accepted };
}

/** The D1 calls one healthy delivery of the mixed traffic makes: the kill points to try. */
async function healthyRun() {
  const traffic = await mixedTraffic();
  const counting = faultyD1(() => null);
  expect((await deliverIngest(traffic.messages, counting.bindings)).unacked).toEqual([]);
  const counts = await countStored(traffic.tenantIds, traffic.accepted);
  expect(counts).toMatchObject({ stored: traffic.accepted, doubled: 0 });
  return { calls: counting.calls(), events: counts.events };
}

describe("ingest under faults: N accepted, N stored, 0 doubled", () => {
  it("the consumer killed at every D1 call of a batch, then the whole batch redelivered", async ({ annotate }) => {
    const healthy = await healthyRun();
    expect(healthy.calls).toBeGreaterThan(3);
    const total = { accepted: 0, stored: 0, doubled: 0 };
    // `at === calls`: killed after its last D1 call, the batch written but its acks lost.
    for (let at = 0; at <= healthy.calls; at++) {
      const traffic = await mixedTraffic();
      await deliverIngest(traffic.messages, faultyD1(killAt(at)).bindings);
      // A killed consumer acks nothing: the queue hands every message back, those written included.
      await redeliverUntilAcked(traffic.messages.map((m) => ({ ...m, attempts: 2 })));
      const counts = await countStored(traffic.tenantIds, traffic.accepted);
      expect(counts, `killed at D1 call ${at}`).toEqual({ accepted: traffic.accepted, stored: traffic.accepted, doubled: 0, events: healthy.events });
      for (const key of ["accepted", "stored", "doubled"] as const) total[key] += counts[key];
    }
    const line = countsLine(`killed at each of ${healthy.calls} D1 calls and after the last`, total);
    console.log(line);
    await annotate(line, "counts");
  });

  it("the batch write failing, then the consumer killed after each message written alone", async ({ annotate }) => {
    const total = { accepted: 0, stored: 0, doubled: 0 };
    const messages = (await mixedTraffic()).messages.length;
    for (let alone = 0; alone <= messages; alone += 4) {
      const traffic = await mixedTraffic();
      let batches = 0;
      // Batch 1 is the whole batch's transaction; each message written alone is one batch after it.
      const fault: D1Fault = ({ kind }) => {
        if (kind !== "batch") return null;
        batches++;
        if (batches === 1) return new Error("D1_ERROR: the whole batch's transaction failed");
        return batches > alone + 1 ? new Error(`consumer killed after ${alone} messages written alone`) : null;
      };
      await deliverIngest(traffic.messages, faultyD1(fault).bindings);
      await redeliverUntilAcked(traffic.messages.map((m) => ({ ...m, attempts: 2 })));
      const counts = await countStored(traffic.tenantIds, traffic.accepted);
      expect(counts, `killed after ${alone} messages written alone`).toMatchObject({ accepted: traffic.accepted, stored: traffic.accepted, doubled: 0 });
      for (const key of ["accepted", "stored", "doubled"] as const) total[key] += counts[key];
    }
    const line = countsLine("batch write failed, killed after 0, 4, 8… messages written alone", total);
    console.log(line);
    await annotate(line, "counts");
  });

  it("D1 failing a third of its calls at random, retried by the queue until every message is acked", async ({ annotate }) => {
    const random = seeded(13);
    const traffic = await Promise.all([mixedTraffic(), mixedTraffic(), mixedTraffic()]);
    let left: Queued[] = shuffle(
      traffic.flatMap((t) => t.messages),
      random,
    );
    let failures = 0;
    const { bindings } = faultyD1(() => {
      if (random() >= 0.33) return null;
      failures++;
      return new Error("D1_ERROR: Network connection lost.");
    });
    let deliveries = 0;
    while (left.length > 0) {
      expect(deliveries++, "deliveries before every message was acked").toBeLessThan(200);
      const next: Queued[] = [];
      for (let i = 0; i < left.length; i += 100) next.push(...(await deliverIngest(left.slice(i, i + 100), bindings)).unacked);
      left = next;
    }
    const tenantIds = traffic.flatMap((t) => t.tenantIds);
    const accepted = traffic.reduce((sum, t) => sum + t.accepted, 0);
    const counts = await countStored(tenantIds, accepted);
    expect(failures).toBeGreaterThan(5);
    expect(counts).toMatchObject({ accepted, stored: accepted, doubled: 0 });
    const line = countsLine(`${failures} D1 calls failed over ${deliveries} queue deliveries`, counts);
    console.log(line);
    await annotate(line, "counts");
  });
});
