import { and, eq, isNull, or } from "drizzle-orm";
import { productsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { inJsonValues } from "../../db/sql-json.ts";
import { idFromGid } from "../../shopify/gid.ts";
import type { ProductRef } from "./mention-input.ts";

const PRODUCT_ID = /^prd_[0-9a-z]+$/;
const SHOPIFY_ID = /^\d+$/;

/** `https://shop.example/en-ca/collections/x/products/mug?variant=1` → `mug`; null when the path names no product. */
export function handleFromUrl(url: string): string | null {
  const segments = new URL(url).pathname.split("/").filter((segment) => segment !== "");
  const at = segments.lastIndexOf("products");
  if (at === -1 || at + 1 >= segments.length) return null;
  try {
    return decodeURIComponent(segments[at + 1]!).toLowerCase();
  } catch {
    return null;
  }
}

/** The key a ref is looked up by: `id:prd_…`, `shopify:123` or `handle:mug`; null when it cannot name a product. */
export function refKey(ref: ProductRef): string | null {
  if (ref.id !== undefined) {
    const id = idFromGid(ref.id);
    if (PRODUCT_ID.test(id)) return `id:${id}`;
    return SHOPIFY_ID.test(id) ? `shopify:${id}` : null;
  }
  const handle = ref.handle?.toLowerCase() ?? (ref.url !== undefined ? handleFromUrl(ref.url) : null);
  return handle ? `handle:${handle}` : null;
}

/** Looks up the tenant's live products for the keys of `refKey` in one query; answers key → SegOps product id. */
export async function resolveProductRefs(args: { ctx: TenantContext; input: { keys: readonly string[] } }): Promise<Map<string, string>> {
  const { ctx, input } = args;
  const of = (prefix: string) => [...new Set(input.keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)))];
  const [ids, shopifyIds, handles] = [of("id:"), of("shopify:"), of("handle:")];
  const found = new Map<string, string>();
  if (ids.length + shopifyIds.length + handles.length === 0) return found;
  const rows = await ctx.db
    .select({ id: productsTable.id, shopifyProductId: productsTable.shopifyProductId, handle: productsTable.handle })
    .from(productsTable)
    .where(
      and(
        eq(productsTable.tenantId, ctx.tenantId),
        isNull(productsTable.deletedAt),
        or(inJsonValues(productsTable.id, ids), inJsonValues(productsTable.shopifyProductId, shopifyIds), inJsonValues(productsTable.handle, handles)),
      ),
    );
  for (const row of rows) {
    found.set(`id:${row.id}`, row.id);
    if (row.shopifyProductId) found.set(`shopify:${row.shopifyProductId}`, row.id);
    if (row.handle) found.set(`handle:${row.handle.toLowerCase()}`, row.id);
  }
  return found;
}
