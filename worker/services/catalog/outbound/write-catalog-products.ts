import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ShopifyWriteMessage } from "../../../../queues/messages.ts";
import { productsTable } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../../context/deps.ts";
import { runStatements } from "../../../db/run-statements.ts";
import { field, inJsonValues, jsonChunks } from "../../../db/sql-json.ts";
import { col, columnsOf } from "../../../db/sql-names.ts";
import { newId } from "../../../lib/ids.ts";
import type { CatalogProductRow } from "./catalog-product-row.ts";

/** Products a `product_push` message names at most, so one message stays a bounded piece of work. */
export const PRODUCTS_PER_PUSH_MESSAGE = 50;

export type WrittenCatalogProduct = { id: string; handle: string; shopifyProductId: string | null };

const live = alias(productsTable, "live");
// An input without images keeps the images the row has: Shopify keeps them too, as the push then sends no files.
const DATA = sql`case when ${field("imagesGiven")} then json(${field("data")})
  else json_set(json(${field("data")}), '$.images', json(coalesce(json_extract(${productsTable.data}, '$.images'), '[]'))) end`;

/**
 * Catalog out, first half: stores each product as SegOps' own version, matched by handle with a live product of the
 * tenant (else created, origin `segops`), marked `pending` for Shopify, and queues its push. One D1 batch a chunk,
 * so each product is written whole; the push (`product_push`) follows on the shopify-writes queue.
 */
export async function writeCatalogProducts(args: { ctx: TenantContext; input: { products: readonly CatalogProductRow[]; now: number } }): Promise<WrittenCatalogProduct[]> {
  const { ctx, input } = args;
  if (input.products.length === 0) return [];
  // One row a handle (the last given wins), so an insert never creates two products for it.
  const byHandle = new Map(input.products.map((product) => [product.handle, product]));
  const rows = [...byHandle.values()].map((product) => ({ ...product, id: newId("product", input.now), imagesGiven: product.imagesGiven ? 1 : 0 }));
  for (const json of jsonChunks(rows)) {
    await runStatements(ctx.d1, [
      sql`update ${productsTable} set ${col(productsTable.title)} = ${field("title")}, ${col(productsTable.vendor)} = ${field("vendor")},
          ${col(productsTable.productType)} = ${field("productType")}, ${col(productsTable.status)} = ${field("status")},
          ${col(productsTable.tags)} = json(${field("tags")}), ${col(productsTable.priceMin)} = ${field("priceMin")},
          ${col(productsTable.priceMax)} = ${field("priceMax")}, ${col(productsTable.data)} = ${DATA},
          ${col(productsTable.outboundState)} = 'pending', ${col(productsTable.outboundError)} = null,
          ${col(productsTable.outboundRequestedAt)} = ${input.now}, ${col(productsTable.updatedAt)} = ${input.now}
        from json_each(${json}) j
        where ${productsTable.tenantId} = ${ctx.tenantId} and ${productsTable.handle} = ${field("handle")} and ${productsTable.deletedAt} is null`,
      sql`insert into ${productsTable} ${columnsOf(productsTable,
        "id", "tenantId", "origin", "handle", "title", "vendor", "productType", "status", "tags", "priceMin", "priceMax", "data",
        "mentionCount30d", "outboundState", "outboundRequestedAt", "createdAt", "updatedAt")}
        select ${field("id")}, ${ctx.tenantId}, 'segops', ${field("handle")}, ${field("title")}, ${field("vendor")}, ${field("productType")},
          ${field("status")}, json(${field("tags")}), ${field("priceMin")}, ${field("priceMax")}, json(${field("data")}), 0, 'pending',
          ${input.now}, ${input.now}, ${input.now}
        from json_each(${json}) j
        where not exists (select 1 from ${productsTable} ${live} where ${live.tenantId} = ${ctx.tenantId} and ${live.handle} = ${field("handle")} and ${live.deletedAt} is null)`,
    ]);
  }
  const written = await ctx.db
    .select({ id: productsTable.id, handle: productsTable.handle, shopifyProductId: productsTable.shopifyProductId })
    .from(productsTable)
    .where(and(eq(productsTable.tenantId, ctx.tenantId), isNull(productsTable.deletedAt), inJsonValues(productsTable.handle, rows.map((row) => row.handle))));
  const products = written.map((row) => ({ id: row.id, handle: row.handle!, shopifyProductId: row.shopifyProductId }));
  await queueProductPush({ ctx, input: { productIds: products.map((product) => product.id), requestedAt: input.now } });
  return products;
}

/** `product_push` messages for these products, a bounded number each. */
export async function queueProductPush(args: { ctx: TenantContext; input: { productIds: readonly string[]; requestedAt: number } }): Promise<void> {
  const { ctx, input } = args;
  const messages: { body: ShopifyWriteMessage }[] = [];
  for (let i = 0; i < input.productIds.length; i += PRODUCTS_PER_PUSH_MESSAGE) {
    const productIds = input.productIds.slice(i, i + PRODUCTS_PER_PUSH_MESSAGE);
    messages.push({ body: { type: "product_push", tenantId: ctx.tenantId, productIds, requestedAt: input.requestedAt } });
  }
  for (let i = 0; i < messages.length; i += 100) await ctx.env.SHOPIFY_WRITES_QUEUE.sendBatch(messages.slice(i, i + 100));
}
