import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { QUEUE_NAMES, type ShopifyWriteMessage } from "../../queues/messages.ts";
import { DEAD_PUSH_REASON } from "../../worker/services/catalog/outbound/fail-dead-product-pushes.ts";
import { replayDeadLetter } from "../../worker/services/dead-letters/replay-dead-letter.ts";
import { installOutboundShop, outboundRows, settledOutbound, shopifyProduct } from "../helpers/catalog-out.ts";
import { adminJson, appFetch, sim } from "../helpers/harness.ts";
import { consumeQueueBatch } from "../helpers/queue-batch.ts";
import { serviceDeps } from "../helpers/service-context.ts";
import { tenantDb } from "../helpers/tenant-db.ts";
import { waitFor } from "../helpers/wait-for.ts";

const product = (handle: string, title: string) => ({ handle, title, vendor: "Acme", productType: "Mugs", variants: [{ price: "19.50", sku: handle }] });

async function postProduct(key: string, body: unknown): Promise<void> {
  const res = await appFetch("/v1/products", { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(202);
}

/** Puts a pushed product back to pending on a request at `requestedAt`, as a request whose message is still queued leaves it. */
async function pendingSince(tenantId: string, id: string, requestedAt: number, title: string): Promise<void> {
  await (await tenantDb(tenantId)).prepare("update products set outbound_state = 'pending', outbound_error = null, outbound_requested_at = ?, title = ? where id = ?").bind(requestedAt, title, id).run();
}

describe("a product_push whose retries run out", () => {
  it("fails the products of its own request with the reason and Shopify's last error, visible per product; replaying it pushes them", async () => {
    const installed = await installOutboundShop();
    await postProduct(installed.serverKey, product("trail-mug", "Trail mug"));
    await postProduct(installed.serverKey, product("camp-bottle", "Camp bottle"));
    const [bottle, mug] = await settledOutbound(installed.tenantId, 2);
    const requestedAt = Date.now();
    await pendingSince(installed.tenantId, mug!.id, requestedAt, "Trail mug, enamel");
    // The bottle was asked for again since: its own, newer message will push it.
    await pendingSince(installed.tenantId, bottle!.id, requestedAt + 1000, "Camp bottle, steel");
    const body: ShopifyWriteMessage = { type: "product_push", tenantId: installed.tenantId, productIds: [mug!.id, bottle!.id], requestedAt };

    // Shopify down for the whole delivery (the client tries four times): retried, the error kept on both products.
    await sim().settings(installed.shop, { failGraphql: { count: 4, status: 503 } });
    const delivery = await consumeQueueBatch(QUEUE_NAMES.shopifyWrites, [body]);
    expect(delivery.result.retryMessages).toHaveLength(1);
    expect((await outboundRows(installed.tenantId)).map(({ handle, outbound_state, outbound_error }) => ({ handle, outbound_state, outbound_error }))).toEqual([
      { handle: "camp-bottle", outbound_state: "pending", outbound_error: "Shopify answered 503" },
      { handle: "trail-mug", outbound_state: "pending", outbound_error: "Shopify answered 503" },
    ]);

    const dead = await consumeQueueBatch(QUEUE_NAMES.shopifyWritesDlq, [body]);
    expect(dead.result.retryMessages).toEqual([]);
    const failed = `${DEAD_PUSH_REASON}; last error: Shopify answered 503`;
    expect((await outboundRows(installed.tenantId)).map(({ handle, outbound_state, outbound_error }) => ({ handle, outbound_state, outbound_error }))).toEqual([
      { handle: "camp-bottle", outbound_state: "pending", outbound_error: "Shopify answered 503" },
      { handle: "trail-mug", outbound_state: "failed", outbound_error: failed },
    ]);
    const listed = await adminJson<{ data: { id: string; outbound: unknown }[] }>(installed.shop, "/products");
    expect(listed.data.find((p) => p.id === mug!.id)?.outbound).toEqual({ state: "failed", error: failed });

    // A dead letter is delivered at least once: the second delivery changes nothing.
    await consumeQueueBatch(QUEUE_NAMES.shopifyWritesDlq, [body]);
    expect((await outboundRows(installed.tenantId)).find((row) => row.id === mug!.id)).toMatchObject({ outbound_state: "failed", outbound_error: failed });

    const letter = await env.DB.prepare("select id from dead_letters where message_id = ?").bind(dead.batch.messages[0]!.id).first<{ id: string }>();
    expect((await replayDeadLetter({ ctx: serviceDeps(), input: { id: letter!.id } })).ok).toBe(true);
    const pushed = await settledOutbound(installed.tenantId, 2);
    expect(pushed.map(({ handle, outbound_state, outbound_error }) => ({ handle, outbound_state, outbound_error }))).toEqual([
      { handle: "camp-bottle", outbound_state: "pushed", outbound_error: null },
      { handle: "trail-mug", outbound_state: "pushed", outbound_error: null },
    ]);
    await waitFor(async () => ((await shopifyProduct(installed.tenantId, mug!.shopify_product_id!))?.title === "Trail mug, enamel" ? true : null), { what: "the replayed push in Shopify" });
  });

  it("leaves a message of another type or another queue alone", async () => {
    const installed = await installOutboundShop();
    await postProduct(installed.serverKey, product("trail-mug", "Trail mug"));
    const [mug] = await settledOutbound(installed.tenantId, 1);
    const requestedAt = Date.now();
    await pendingSince(installed.tenantId, mug!.id, requestedAt, "Trail mug, enamel");
    const body: ShopifyWriteMessage = { type: "product_push", tenantId: installed.tenantId, productIds: [mug!.id], requestedAt };
    await consumeQueueBatch(QUEUE_NAMES.ingestDlq, [body]);
    await consumeQueueBatch(QUEUE_NAMES.shopifyWritesDlq, [{ type: "metafield_push", tenantId: installed.tenantId, jobId: "job_none" }]);
    await consumeQueueBatch(QUEUE_NAMES.shopifyWritesDlq, [{ ...body, requestedAt: undefined }]);
    expect((await outboundRows(installed.tenantId))[0]).toMatchObject({ outbound_state: "pending", outbound_error: null });
  });
});
