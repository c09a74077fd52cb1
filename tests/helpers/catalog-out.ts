import { tenantDb } from "./tenant-db.ts";
import { adminJson, type InstalledShop } from "./harness.ts";
import { adminContext } from "./service-context.ts";
import { waitFor } from "./wait-for.ts";
import { installEmptyShop } from "./segment-shop.ts";

export type OutboundRow = { id: string; handle: string; shopify_product_id: string | null; origin: string; outbound_state: string | null; outbound_error: string | null; title: string };

/** An installed empty simulator shop with outbound product sync on (catalog out is opt-in). */
export async function installOutboundShop(options: Parameters<typeof installEmptyShop>[0] = {}): Promise<InstalledShop> {
  const installed = await installEmptyShop(options);
  await adminJson(installed.shop, "/product-sync", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ outbound: true }) });
  return installed;
}

export async function outboundRows(tenantId: string): Promise<OutboundRow[]> {
  const { results } = await (await tenantDb(tenantId)).prepare(
    "select id, handle, shopify_product_id, origin, outbound_state, outbound_error, title from products where tenant_id = ? and deleted_at is null order by handle",
  )
    .bind(tenantId)
    .all<OutboundRow>();
  return results;
}

/** Waits until no product of the tenant is pending for Shopify, and answers the rows. */
export async function settledOutbound(tenantId: string, expected: number, timeoutMs = 60_000): Promise<OutboundRow[]> {
  return waitFor(
    async () => {
      const rows = await outboundRows(tenantId);
      return rows.length >= expected && rows.every((row) => row.outbound_state !== "pending") ? rows : null;
    },
    { what: "the catalog-out push", timeoutMs },
  );
}

export type ShopifyProduct = { title: string; handle: string; status: string; vendor: string; variants: { nodes: { sku: string | null; price: string; selectedOptions: { name: string; value: string }[] }[] } };

/** The product as the simulator's Admin API answers it, read through the app's own client. */
export async function shopifyProduct(tenantId: string, shopifyProductId: string): Promise<ShopifyProduct | null> {
  const answer = await (await adminContext(tenantId)).admin.request<{ product: ShopifyProduct | null }>(
    `query SegOpsTestProduct($id: ID!) { product(id: $id) { title handle status vendor variants(first: 20) { nodes { sku price selectedOptions { name value } } } } }`,
    { id: `gid://shopify/Product/${shopifyProductId}` },
  );
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.product;
}
