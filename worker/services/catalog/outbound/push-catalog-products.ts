import { and, eq, isNull, or, sql } from "drizzle-orm";
import { productsTable } from "../../../db/schema/index.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import { runStatements } from "../../../db/run-statements.ts";
import { inJsonValues } from "../../../db/sql-json.ts";
import { col } from "../../../db/sql-names.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import type { AdminGraphqlError } from "../../../shopify/admin-graphql.ts";
import { idFromGid } from "../../../shopify/gid.ts";
import { runBatchedMutation, type BatchedMutation } from "../../../shopify/run-batched-mutation.ts";
import { getProductSyncSettings } from "../product-sync-settings.ts";
import { productSetInput } from "./product-set-input.ts";

/** Products a document carries: each `productSet` is its own all-or-nothing write, ten share a round trip. */
export const PRODUCT_SETS_PER_CALL = 10;

export const PRODUCT_SET: BatchedMutation = {
  operation: "SegOpsProductSet",
  field: "productSet",
  args: { identifier: "ProductSetIdentifiers", input: "ProductSetInput!", synchronous: "Boolean" },
  selection: "product { id handle } userErrors { code field message }",
};

type SetPayload = { product: { id: string; handle: string } | null; userErrors: { code: string | null; field: string[] | null; message: string }[] } | null;

export type CatalogPushOutcome = { pushed: number; failed: number };

/**
 * Catalog out, second half (`product_push`): sends each still-pending product with `productSet` (synchronous, so
 * the answer links it), through the tenant's shared cost bucket. A product is marked `pushed` only if it was not
 * written again meanwhile; Shopify's refusals (userErrors, or of the document) are kept per product (`failed` +
 * message). Shopify unavailable answers an error, kept on the products still to send, the message is retried, and
 * what was pushed is not pending any more. The products of its own request (`requestedAt`) are sent even when they
 * failed, so a replayed dead letter pushes them again.
 */
export async function pushCatalogProducts(args: {
  ctx: AdminContext;
  input: { productIds: readonly string[]; requestedAt?: number | undefined; now: number };
}): Promise<Result<CatalogPushOutcome, AdminGraphqlError>> {
  const { ctx, input } = args;
  const due = input.requestedAt === undefined
    ? eq(productsTable.outboundState, "pending")
    : or(eq(productsTable.outboundState, "pending"), and(eq(productsTable.outboundState, "failed"), eq(productsTable.outboundRequestedAt, new Date(input.requestedAt))));
  const rows = await ctx.db
    .select()
    .from(productsTable)
    .where(and(eq(productsTable.tenantId, ctx.tenantId), inJsonValues(productsTable.id, input.productIds), due, isNull(productsTable.deletedAt)));
  if (rows.length === 0) return ok({ pushed: 0, failed: 0 });
  if (!(await getProductSyncSettings({ ctx })).outbound) {
    await recordFailures(ctx, rows.map((row) => ({ row, message: "outbound product sync is off (Settings → Product sync): not sent" })));
    return ok({ pushed: 0, failed: rows.length });
  }
  const outcome: CatalogPushOutcome = { pushed: 0, failed: 0 };
  for (let i = 0; i < rows.length; i += PRODUCT_SETS_PER_CALL) {
    const batch = rows.slice(i, i + PRODUCT_SETS_PER_CALL);
    const answer = await runBatchedMutation<SetPayload>(ctx.admin, PRODUCT_SET, batch.map((row) => ({ ...productSetInput(row), synchronous: true })));
    // Shopify refusing the document itself will refuse it again: kept on the products rather than retried.
    if (!answer.ok && answer.error.kind === "graphql") {
      await recordFailures(ctx, batch.map((row) => ({ row, message: answer.error.message.slice(0, 1000) })));
      outcome.failed += batch.length;
      continue;
    }
    if (!answer.ok) {
      await recordLastError(ctx, rows.slice(i), answer.error.message.slice(0, 500));
      return err(answer.error);
    }
    const linked: { row: (typeof rows)[number]; shopifyProductId: string }[] = [];
    const failures: { row: (typeof rows)[number]; message: string }[] = [];
    answer.value.forEach((payload, b) => {
      const row = batch[b]!;
      if (payload?.product && payload.userErrors.length === 0) linked.push({ row, shopifyProductId: idFromGid(payload.product.id) });
      else failures.push({ row, message: describeUserErrors(payload) });
    });
    await recordLinks(ctx, linked);
    await recordFailures(ctx, failures);
    outcome.pushed += linked.length;
    outcome.failed += failures.length;
  }
  return ok(outcome);
}

function describeUserErrors(payload: SetPayload): string {
  if (!payload || payload.userErrors.length === 0) return "Shopify answered no product";
  return payload.userErrors.map((e) => `${e.code ?? "ERROR"}${e.field ? ` (${e.field.join(".")})` : ""}: ${e.message}`).join("; ").slice(0, 1000);
}

/**
 * Links each product to its Shopify id. The products/create this push causes may have been stored first, as a
 * product of its own: that row is removed, so the link holds and the webhook's later updates land on this product.
 */
async function recordLinks(ctx: AdminContext, linked: readonly { row: { id: string; outboundRequestedAt: Date | null }; shopifyProductId: string }[]): Promise<void> {
  const statements = linked.flatMap(({ row, shopifyProductId }) => [
    sql`delete from ${productsTable} where ${productsTable.tenantId} = ${ctx.tenantId} and ${productsTable.shopifyProductId} = ${shopifyProductId}
      and ${productsTable.id} != ${row.id}`,
    sql`update ${productsTable} set ${col(productsTable.shopifyProductId)} = ${shopifyProductId},
        ${col(productsTable.outboundState)} = case when ${productsTable.outboundRequestedAt} is ${row.outboundRequestedAt?.getTime() ?? null} then 'pushed' else ${productsTable.outboundState} end,
        ${col(productsTable.outboundError)} = case when ${productsTable.outboundRequestedAt} is ${row.outboundRequestedAt?.getTime() ?? null} then null else ${productsTable.outboundError} end
      where ${productsTable.tenantId} = ${ctx.tenantId} and ${productsTable.id} = ${row.id}`,
  ]);
  await runStatements(ctx.d1, statements);
}

async function recordFailures(ctx: AdminContext, failures: readonly { row: { id: string; outboundRequestedAt: Date | null }; message: string }[]): Promise<void> {
  await runStatements(
    ctx.d1,
    failures.map(({ row, message }) => sql`update ${productsTable} set ${col(productsTable.outboundState)} = 'failed', ${col(productsTable.outboundError)} = ${message}
      where ${productsTable.tenantId} = ${ctx.tenantId} and ${productsTable.id} = ${row.id} and ${productsTable.outboundRequestedAt} is ${row.outboundRequestedAt?.getTime() ?? null}`),
  );
}

/** Why the products still to send are waiting: shown while the message is retried, and kept if its retries run out. */
async function recordLastError(ctx: AdminContext, rows: readonly { id: string; outboundRequestedAt: Date | null }[], message: string): Promise<void> {
  await runStatements(
    ctx.d1,
    rows.map((row) => sql`update ${productsTable} set ${col(productsTable.outboundError)} = ${message}
      where ${productsTable.tenantId} = ${ctx.tenantId} and ${productsTable.id} = ${row.id} and ${productsTable.outboundRequestedAt} is ${row.outboundRequestedAt?.getTime() ?? null}`),
  );
}
