import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../../worker/index.ts";
import { CRONS } from "../../../../worker/crons.ts";
import { claimPushJob } from "../../../../worker/services/catalog/metafields/push-job.ts";
import { pushMetafields, type PushMetafieldsInput } from "../../../../worker/services/catalog/metafields/push-metafields.ts";
import { sim } from "../../../helpers/harness.ts";
import { catalogRows, deliverOutbox, installCatalogShop, pushJobResult, pushNow, queuedPushJob, settledMetafieldPush, shopifyMetafields } from "../../../helpers/catalog-shop.ts";
import { createSegmentVia } from "../../../helpers/segment-shop.ts";
import { adminContext } from "../../../helpers/service-context.ts";
import { waitFor } from "../../../helpers/wait-for.ts";

describe("metafield push", () => {
  it("writes the four metafields once, then only what changed, and the products/update it causes neither re-scores nor re-pushes", async () => {
    const installed = await installCatalogShop(12);
    await sim().outbox(installed.shop);
    const before = await catalogRows(installed.tenantId);
    expect(before).toHaveLength(12);

    const first = await pushNow(installed.shop);
    expect(first).toMatchObject({ status: "succeeded", reason: "manual", total: 12, seen: 12, productsWritten: 12, metafieldsWritten: 48, errors: 0 });
    const written = await shopifyMetafields(installed.shop);
    const scored = await catalogRows(installed.tenantId);
    for (const row of scored) {
      expect(written[row.shopify_product_id]).toMatchObject({ ai_readability_score: String(row.ai_score), mention_count_30d: "0", segment_memberships: "[]" });
      expect(JSON.parse(written[row.shopify_product_id]!.ai_recommendations!)).toEqual(expect.any(Array));
    }
    expect((await sim().state(installed.shop)).graphqlCalls.metafieldsSet).toBe(2);

    // Shopify answers each metafieldsSet that changed a product with products/update (a product split across two
    // calls gets two); SegOps takes them in, unchanged.
    expect((await deliverOutbox(installed.shop)).filter((topic) => topic === "products/update").length).toBeGreaterThanOrEqual(12);
    await waitFor(async () => {
      const rows = await catalogRows(installed.tenantId);
      return rows.every((row, i) => row.source_updated_at! > scored[i]!.source_updated_at!) ? rows : null;
    }, { what: "the echoed products/update webhooks stored" });
    const echoed = await catalogRows(installed.tenantId);
    expect(echoed.map(({ updated_at, ai_scored_at, ai_score }) => ({ updated_at, ai_scored_at, ai_score }))).toEqual(
      scored.map(({ updated_at, ai_scored_at, ai_score }) => ({ updated_at, ai_scored_at, ai_score })),
    );

    const second = await pushNow(installed.shop, Date.parse(first.createdAt));
    expect(second).toMatchObject({ status: "succeeded", seen: 12, productsWritten: 0, metafieldsWritten: 0, errors: 0 });
    expect((await sim().state(installed.shop)).graphqlCalls.metafieldsSet).toBe(2);

    const changed = scored[3]!;
    await sim().updateProduct(installed.shop, changed.shopify_product_id, { title: "A", emit: true });
    await deliverOutbox(installed.shop);
    await waitFor(async () => (await catalogRows(installed.tenantId))[3]!.updated_at > changed.updated_at, { what: "the product change stored" });
    const third = await pushNow(installed.shop, Date.parse(second.createdAt));
    expect(third).toMatchObject({ status: "succeeded", productsWritten: 1, errors: 0 });
    expect(third.metafieldsWritten).toBeGreaterThanOrEqual(1);
    expect(third.metafieldsWritten).toBeLessThanOrEqual(2);
    const after = await catalogRows(installed.tenantId);
    expect(after[3]!.ai_score).toBeLessThan(changed.ai_score!);
    expect((await shopifyMetafields(installed.shop))[changed.shopify_product_id]!.ai_readability_score).toBe(String(after[3]!.ai_score));
  });
});

describe("metafield push runs", () => {
  const runner = (tenantId: string, jobId: string) => (holder: string, input: Partial<PushMetafieldsInput> = {}) =>
    pushMetafields({ ctx: adminContext(tenantId), input: { jobId, holder, now: Date.now(), budgetMs: 0, pageSize: 10, ...input } });

  it("resumes after a crash and after Shopify failing mid-push, writing nothing twice", async () => {
    const installed = await installCatalogShop(70);
    const jobId = await queuedPushJob(installed.tenantId);
    const run = runner(installed.tenantId, jobId);

    // A call takes 250 metafields across pages of ten products: six whole pages, the 63rd product's first two.
    expect(await run("m1")).toEqual({ outcome: "continue" });
    const pushed = () => catalogRows(installed.tenantId).then((rows) => rows.filter((row) => row.metafields_digest !== null));
    expect(await pushed()).toHaveLength(63);
    expect(await pushJobResult(jobId)).toMatchObject({ result: { cursor: (await catalogRows(installed.tenantId))[59]!.id, seen: 60, products: 62, metafields: 250 } });

    // A run that died holding the job keeps it until its lease lapses.
    expect(await claimPushJob({ ctx: adminContext(installed.tenantId), input: { jobId, holder: "crashed", now: Date.now(), leaseMs: 60_000 } })).not.toBeNull();
    expect(await run("m2")).toEqual({ outcome: "busy" });
    expect(await pushed()).toHaveLength(63);

    await sim().settings(installed.shop, { failGraphql: { count: 4, status: 503 } });
    expect(await run("m2", { now: Date.now() + 61_000 })).toMatchObject({ outcome: "retry" });
    expect(await pushed()).toHaveLength(63);
    expect(await pushJobResult(jobId)).toMatchObject({ status: "running", result: { seen: 60, products: 62, metafields: 250, holder: null } });

    // The 63rd product's last two metafields go in the next run, and it counts once.
    expect(await run("m2", { budgetMs: 60_000 })).toEqual({ outcome: "done" });
    expect(await pushJobResult(jobId)).toMatchObject({ status: "succeeded", result: { total: 70, seen: 70, products: 70, metafields: 280, errors: 0 } });
    const rows = await catalogRows(installed.tenantId);
    const written = await shopifyMetafields(installed.shop);
    expect(rows.map((row) => written[row.shopify_product_id]?.ai_readability_score)).toEqual(rows.map((row) => String(row.ai_score)));
    expect(await run("m3")).toEqual({ outcome: "done" });

    // Shopify kept these two products' values but the confirmation was lost: the next push sends them again, and
    // Shopify, holding the same values, changes nothing and announces nothing.
    await sim().settled();
    await sim().outbox(installed.shop);
    await env.DB.prepare("UPDATE products SET metafields_digest = NULL WHERE id IN (?, ?)").bind(rows[0]!.id, rows[1]!.id).run();
    const again = await queuedPushJob(installed.tenantId);
    expect(await runner(installed.tenantId, again)("m4", { budgetMs: 60_000 })).toEqual({ outcome: "done" });
    expect(await pushJobResult(again)).toMatchObject({ status: "succeeded", result: { products: 2, metafields: 8, errors: 0 } });
    await sim().settled();
    expect(await sim().outbox(installed.shop)).toEqual([]);
  });

  it("resumes inside a page from the digests of the calls already confirmed", async () => {
    const installed = await installCatalogShop(70);
    const jobId = await queuedPushJob(installed.tenantId);
    const run = runner(installed.tenantId, jobId);
    // One page of 70 products is 280 metafields: a call of ten metafieldsSet (250), then one of two (30).
    expect(await run("m1", { pageSize: 70 })).toEqual({ outcome: "continue" });
    expect(await pushJobResult(jobId)).toMatchObject({ result: { cursor: null, seen: 0, metafields: 250, calls: 1 } });
    expect((await sim().state(installed.shop)).graphqlCalls.metafieldsSet).toBe(10);
    expect(await run("m2", { pageSize: 70, budgetMs: 60_000 })).toEqual({ outcome: "done" });
    expect(await pushJobResult(jobId)).toMatchObject({ status: "succeeded", result: { seen: 70, metafields: 280, calls: 2, errors: 0 } });
    expect((await sim().state(installed.shop)).graphqlCalls.metafieldsSet).toBe(12);
    expect(Object.values(await shopifyMetafields(installed.shop)).map((fields) => Object.keys(fields).length)).toEqual(Array(70).fill(4));
  });

  it("counts what Shopify refuses, writes the rest, and keeps the refused values due", async () => {
    const installed = await installCatalogShop(8);
    const rows = await catalogRows(installed.tenantId);
    await sim().deleteProduct(installed.shop, rows[2]!.shopify_product_id, { emit: false });
    const jobId = await queuedPushJob(installed.tenantId);
    expect(await runner(installed.tenantId, jobId)("m1", { budgetMs: 60_000 })).toEqual({ outcome: "done" });
    const { status, result } = await pushJobResult(jobId);
    expect({ status, products: result.products, metafields: result.metafields, errors: result.errors }).toEqual({ status: "succeeded", products: 7, metafields: 28, errors: 4 });
    expect(result.errorSamples).toContain(`product ${rows[2]!.shopify_product_id} ai_readability_score: INVALID: Owner does not exist.`);
    expect(Object.keys(await shopifyMetafields(installed.shop)).sort()).toEqual(rows.filter((_, i) => i !== 2).map((row) => row.shopify_product_id).sort());
    expect((await catalogRows(installed.tenantId))[2]!.metafields_digest).toBeNull();
  });

  it("waits out a small cost bucket instead of being throttled", async () => {
    const installed = await installCatalogShop(70);
    await sim().settings(installed.shop, { throttle: { maximumAvailable: 100, restoreRate: 10 }, refillBucket: true });
    const ctx = adminContext(installed.tenantId);
    expect((await ctx.admin.request(`{ shop { name } }`)).ok).toBe(true);
    const throttledBefore = (await sim().state(installed.shop)).throttledCalls;
    const jobId = await queuedPushJob(installed.tenantId);
    const started = Date.now();
    expect(await runner(installed.tenantId, jobId)("m1", { budgetMs: 60_000 })).toEqual({ outcome: "done" });
    const { result } = await pushJobResult(jobId);
    // 280 metafields: a call of ten metafieldsSet (10 points each), then one of two.
    expect(result).toMatchObject({ calls: 2, cost: 120, metafields: 280, errors: 0 });
    // 120 points through a bucket of 100 refilling 10 a second: at least (120 - 100) / 10 = 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect((await sim().state(installed.shop)).throttledCalls).toBe(throttledBefore);
  });
});

describe("nightly metafield push", () => {
  it("starts from the nightly cron, and segment_memberships carries the product segments each product is in", async () => {
    const installed = await installCatalogShop(6);
    const rows = await catalogRows(installed.tenantId);
    const cutoff = [...rows.map((row) => row.ai_score!)].sort((a, b) => a - b)[3]!;
    const segment = await createSegmentVia(installed, { name: "Needs work", kind: "product", query: `ai_readability_score < ${cutoff}` });
    expect(segment.memberCount).toBe(rows.filter((row) => row.ai_score! < cutoff).length);

    await worker.scheduled(createScheduledController({ cron: CRONS.metafieldPush, scheduledTime: Date.now() }), env, createExecutionContext());
    const nightly = await settledMetafieldPush(installed.shop);
    expect(nightly).toMatchObject({ status: "succeeded", reason: "nightly", productsWritten: 6, errors: 0 });
    const written = await shopifyMetafields(installed.shop);
    for (const row of rows) {
      expect(JSON.parse(written[row.shopify_product_id]!.segment_memberships!)).toEqual(row.ai_score! < cutoff ? [segment.slug] : []);
    }
  });

  it("recounts mention_count_30d over the last 30 days before pushing it", async () => {
    const installed = await installCatalogShop(2);
    const [mentioned, aged] = await catalogRows(installed.tenantId);
    const day = 24 * 60 * 60 * 1000;
    const mention = (productId: string, daysAgo: number, i: number) =>
      env.DB.prepare("INSERT INTO mentions (id, tenant_id, product_id, source, dedup_key, occurred_at, created_at) VALUES (?, ?, ?, 'chatgpt', ?, ?, ?)")
        .bind(`men_${productId}_${i}`, installed.tenantId, productId, `${productId}-${i}`, Date.now() - daysAgo * day, Date.now())
        .run();
    await Promise.all([mention(mentioned!.id, 1, 1), mention(mentioned!.id, 29, 2), mention(mentioned!.id, 31, 3), mention(aged!.id, 40, 1)]);
    await env.DB.prepare("UPDATE products SET mention_count_30d = 5 WHERE id = ?").bind(aged!.id).run();

    await worker.scheduled(createScheduledController({ cron: CRONS.metafieldPush, scheduledTime: Date.now() }), env, createExecutionContext());
    await settledMetafieldPush(installed.shop);
    const written = await shopifyMetafields(installed.shop);
    expect(written[mentioned!.shopify_product_id]!.mention_count_30d).toBe("2");
    expect(written[aged!.shopify_product_id]!.mention_count_30d).toBe("0");
  });
});
