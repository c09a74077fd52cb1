import { sql, type SQL } from "drizzle-orm";
import { newId } from "../../lib/ids.ts";
import { field, jsonChunks } from "../../db/sql-json.ts";

/** A product as Shopify last described it (webhook or backfill), stamped with the time of that description. */
export type ProductRow = {
  tenantId: string;
  productId: string;
  handle: string | null;
  title: string;
  vendor: string | null;
  productType: string | null;
  status: string | null;
  tags: string[];
  priceMin: number | null;
  priceMax: number | null;
  inventoryTotal: number | null;
  data: Record<string, unknown>;
  sourceUpdatedAt: number;
};

export type ProductDelete = { tenantId: string; productId: string; at: number };

// A payload from a subscription that does not carry the SEO metafields keeps the SEO SegOps already has.
const DATA_WITH_SEO = `case when json_type(excluded.data, '$.seo') is null and json_type(products.data, '$.seo') is not null
  then json_set(excluded.data, '$.seo', json(json_extract(products.data, '$.seo'))) else excluded.data end`;
const KEPT_SEO = sql.raw(DATA_WITH_SEO);

// `updated_at` moves only when what SegOps keeps of the product changed: the products/update Shopify sends after our
// own metafieldsSet (same content, newer updated_at) then leaves the product scored, so the push never echoes.
const SAME_CONTENT = sql.raw(`json_array(products.handle, products.title, products.vendor, products.product_type, products.status,
    products.tags, products.price_min, products.price_max, products.inventory_total, products.data)
  is json_array(excluded.handle, excluded.title, excluded.vendor, excluded.product_type, excluded.status, excluded.tags,
    excluded.price_min, excluded.price_max, excluded.inventory_total, ${DATA_WITH_SEO})`);

/**
 * Inbound catalog sync: upserts by Shopify product id when newer, and not at all for a tenant that switched inbound
 * sync off in Settings. Scores and metafield digests are the catalog's own columns and are left alone.
 */
export function writeProducts(products: readonly ProductRow[], now: number): SQL[] {
  const rows = products.map((product) => ({ ...product, id: newId("product"), t: product.tenantId }));
  return jsonChunks(rows).map((json) =>
    sql`
      insert into products (id, tenant_id, shopify_product_id, origin, handle, title, vendor, product_type, status, tags, price_min,
        price_max, inventory_total, data, mention_count_30d, source_updated_at, created_at, updated_at)
      select ${field("id")}, ${field("t")}, ${field("productId")}, 'shopify', ${field("handle")}, ${field("title")}, ${field("vendor")},
        ${field("productType")}, ${field("status")}, json(${field("tags")}), ${field("priceMin")}, ${field("priceMax")},
        ${field("inventoryTotal")}, json(${field("data")}), 0, ${field("sourceUpdatedAt")}, ${now}, ${now}
      from json_each(${json}) j
      where not exists (select 1 from tenant_settings s where s.tenant_id = ${field("t")} and s.product_sync_inbound = 0)
      on conflict (tenant_id, shopify_product_id) do update set
        handle = excluded.handle, title = excluded.title, vendor = excluded.vendor, product_type = excluded.product_type,
        status = excluded.status, tags = excluded.tags, price_min = excluded.price_min, price_max = excluded.price_max,
        inventory_total = excluded.inventory_total, data = ${KEPT_SEO}, source_updated_at = excluded.source_updated_at,
        updated_at = case when products.deleted_at is null and ${SAME_CONTENT} then products.updated_at else excluded.updated_at end,
        deleted_at = null
      where excluded.source_updated_at >= coalesce(products.source_updated_at, 0)
    `,
  );
}

/** Soft delete, unless Shopify updated the product after the delete was triggered. */
export function softDeleteProducts(deletes: readonly ProductDelete[], now: number): SQL[] {
  return jsonChunks(deletes.map((row) => ({ t: row.tenantId, productId: row.productId, at: row.at }))).map((json) =>
    sql`
      update products set deleted_at = gone.at, source_updated_at = gone.at, updated_at = ${now}
      from (select ${field("t")} as t, ${field("productId")} as product_id, ${field("at")} as at from json_each(${json}) j) as gone
      where products.tenant_id = gone.t and products.shopify_product_id = gone.product_id
        and coalesce(products.source_updated_at, 0) <= gone.at
    `,
  );
}
