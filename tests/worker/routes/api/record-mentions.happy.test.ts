import { describe, expect, it } from "vitest";
import type { RecordMentionsResponse } from "../../../../worker/routes/api/record-mentions.ts";
import { compileSegment, parseSegment } from "../../../../worker/services/segments/dsl/index.ts";
import { refreshMentionCounts } from "../../../../worker/services/mentions/refresh-mention-counts.ts";
import { apiFetch } from "../../../helpers/api-fetch.ts";
import { completeProduct } from "../../../helpers/product-payloads.ts";
import { seedWebhookProduct } from "../../../helpers/seed-products.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantContextOf } from "../../../helpers/service-context.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function post(key: string, mentions: unknown[]): Promise<RecordMentionsResponse> {
  const res = await apiFetch(key, "/mentions", { method: "POST", body: { mentions } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RecordMentionsResponse;
}

async function mentionCount(tenantId: string, productId: string): Promise<number> {
  const row = await (await tenantDb(tenantId)).prepare("select mention_count_30d as n from products where tenant_id = ? and id = ?").bind(tenantId, productId).first<{ n: number }>();
  return row!.n;
}

async function productMembers(tenantId: string, text: string): Promise<string[]> {
  const ast = parseSegment(text, "product");
  if (!ast.ok) throw new Error(ast.error.message);
  const compiled = compileSegment(ast.value, { kind: "product", tenantId, now: Date.now() });
  if (!compiled.ok) throw new Error(compiled.error.message);
  const { results } = await (await tenantDb(tenantId)).prepare(compiled.value.sql).bind(...compiled.value.params).all<{ id: string }>();
  return results.map((row) => row.id).sort();
}

async function tenantWithProducts() {
  const tenant = await seedTenant();
  const socks = await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 8101, handle: "merino-socks" }));
  const mug = await seedWebhookProduct(tenant.tenantId, completeProduct({ id: 8102, handle: "trail-mug", title: "Trail mug" }));
  return { tenant, socks, mug };
}

describe("POST /v1/mentions", () => {
  it("names products by SegOps id, Shopify id, GID, handle and storefront URL, and counts them at once", async () => {
    const { tenant, socks, mug } = await tenantWithProducts();
    const answer = await post(tenant.serverKey, [
      { product: { id: socks.id }, source: "chatgpt", query: "warm socks for hiking", occurredAt: ago(1) },
      { product: { id: "8101" }, source: "perplexity", occurredAt: ago(2) },
      { product: { id: "gid://shopify/Product/8101" }, source: "gemini", url: "https://gemini.example/a/1", occurredAt: ago(3) },
      { product: { handle: "trail-mug" }, source: "chatgpt", occurredAt: ago(1) },
      { product: { url: "https://shop.example/en-ca/collections/kitchen/products/trail-mug?variant=1" }, source: "perplexity", occurredAt: ago(4) },
    ]);
    expect(answer).toMatchObject({ received: 5, stored: 5, duplicates: 0, failed: 0 });
    expect(answer.results.map((r) => (r.status === "failed" ? null : r.productId))).toEqual([socks.id, socks.id, socks.id, mug.id, mug.id]);
    expect(answer.results.every((r) => r.status === "stored" && r.mentionId.startsWith("men_"))).toBe(true);
    expect(await mentionCount(tenant.tenantId, socks.id)).toBe(3);
    expect(await mentionCount(tenant.tenantId, mug.id)).toBe(2);
    expect(await productMembers(tenant.tenantId, "mentions >= 3")).toEqual([socks.id]);
    expect(await productMembers(tenant.tenantId, "mentions between 1 and 2")).toEqual([mug.id]);
    expect(await productMembers(tenant.tenantId, "mentions < 3")).toEqual([mug.id]);
  });

  it("stores a re-sent batch once: by the client's id, else by what the mention says", async () => {
    const { tenant, socks } = await tenantWithProducts();
    const batch = [
      { id: "src-1", product: { id: socks.id }, source: "chatgpt", occurredAt: ago(1) },
      { product: { handle: "merino-socks" }, source: "chatgpt", query: "socks", occurredAt: "2026-11-30T10:00:00Z" },
    ];
    const first = await post(tenant.serverKey, batch);
    expect(first).toMatchObject({ stored: 2, duplicates: 0 });
    // The same mentions again, one named another way and one re-timed under the same client id: nothing new.
    const again = await post(tenant.serverKey, [
      { ...batch[0], occurredAt: ago(2) },
      { ...batch[1], product: { id: "8101" }, occurredAt: "2026-11-30T11:00:00+01:00" },
      batch[1],
    ]);
    expect(again).toMatchObject({ received: 3, stored: 0, duplicates: 3, failed: 0 });
    expect(again.results.map((r) => (r.status === "duplicate" ? r.mentionId : null))).toEqual([
      (first.results[0] as { mentionId: string }).mentionId,
      (first.results[1] as { mentionId: string }).mentionId,
      (first.results[1] as { mentionId: string }).mentionId,
    ]);
    const stored = await (await tenantDb(tenant.tenantId)).prepare("select count(*) as n from mentions where tenant_id = ?").bind(tenant.tenantId).first<{ n: number }>();
    expect(stored!.n).toBe(2);
    expect(await mentionCount(tenant.tenantId, socks.id)).toBe(2);
  });

  it("answers unknown products and bad mentions per item and stores the rest", async () => {
    const { tenant, socks } = await tenantWithProducts();
    const other = await seedTenant();
    const foreign = await seedWebhookProduct(other.tenantId, completeProduct({ id: 8199, handle: "foreign" }));
    const answer = await post(tenant.serverKey, [
      { product: { handle: "no-such-product" }, source: "chatgpt", occurredAt: ago(1) },
      { product: { id: foreign.id }, source: "chatgpt", occurredAt: ago(1) },
      { product: { id: socks.id }, source: "chatgpt", occurredAt: ago(1) },
      { product: { id: socks.id, handle: "merino-socks" }, source: "chatgpt", occurredAt: ago(1) },
      { product: { id: socks.id }, source: "", occurredAt: ago(1) },
      { product: { id: socks.id }, source: "chatgpt", occurredAt: "yesterday" },
      { product: { id: socks.id }, source: "chatgpt", occurredAt: new Date(Date.now() + DAY).toISOString() },
      { product: { url: "https://shop.example/pages/about" }, source: "chatgpt", occurredAt: ago(1) },
      "not a mention",
    ]);
    expect(answer).toMatchObject({ received: 9, stored: 1, duplicates: 0, failed: 8 });
    expect(answer.results.map((r) => r.status)).toEqual(["failed", "failed", "stored", "failed", "failed", "failed", "failed", "failed", "failed"]);
    const errors = answer.results.map((r) => (r.status === "failed" ? r.error : null));
    expect(errors[0]).toEqual({ code: "product_not_found", message: expect.stringContaining("no product of this workspace") });
    expect(errors[1]).toMatchObject({ code: "product_not_found" });
    expect(errors[3]).toEqual({ code: "invalid_mention", message: "product: name the product by exactly one of id, handle and url" });
    expect(errors[4]).toMatchObject({ code: "invalid_mention", message: expect.stringMatching(/^source: /) });
    expect(errors[5]).toMatchObject({ code: "invalid_mention", message: expect.stringMatching(/^occurredAt: /) });
    expect(errors[6]).toEqual({ code: "invalid_mention", message: "occurredAt: is in the future" });
    expect(errors[7]).toMatchObject({ code: "product_not_found", message: expect.stringContaining("/products/<handle>") });
    expect(errors[8]).toMatchObject({ code: "invalid_mention" });
    expect(answer.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await mentionCount(other.tenantId, foreign.id)).toBe(0);
  });

  it("counts only the last 30 days, and the nightly recount ages old mentions out", async () => {
    const { tenant, socks } = await tenantWithProducts();
    await post(tenant.serverKey, [
      { product: { id: socks.id }, source: "chatgpt", occurredAt: ago(40) },
      { product: { id: socks.id }, source: "chatgpt", occurredAt: ago(29) },
      { product: { id: socks.id }, source: "gemini", occurredAt: ago(10) },
      { product: { id: socks.id }, source: "perplexity", occurredAt: ago(1) },
    ]);
    expect(await mentionCount(tenant.tenantId, socks.id)).toBe(3);
    expect(await productMembers(tenant.tenantId, "mentions >= 3")).toEqual([socks.id]);
    const changed = await refreshMentionCounts({ ctx: await tenantContextOf(tenant.tenantId), input: { now: Date.now() + 2 * DAY } });
    expect(changed).toBe(1);
    expect(await mentionCount(tenant.tenantId, socks.id)).toBe(2);
    expect(await productMembers(tenant.tenantId, "mentions >= 3")).toEqual([]);
  });
});
