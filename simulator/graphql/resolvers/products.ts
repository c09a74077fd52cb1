import type { GraphQLResolveInfo } from "graphql";
import { gid, parseId } from "../../lib/ids.ts";
import { decimal } from "../../lib/money.ts";
import { isoTime } from "../../lib/time.ts";
import type { ProductRecord } from "../../types.ts";
import type { GqlContext, Resolver } from "../context.ts";
import { compareBy, connection, paginate, type PageArgs, type SortValue } from "../paginate.ts";
import { applySearch, dateMatcher, listMatcher, numberMatcher, parseSearch, textMatcher, type FieldMatcher } from "../search-query.ts";
import { metafieldNode, metafieldView, resolveNamespace } from "./metafield-views.ts";

export function variantNode(gql: GqlContext, index: number) {
  const variant = gql.shop.variants[index]!;
  const product = gql.shop.products[variant.product]!;
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", variant.id),
    legacyResourceId: variant.id,
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    barcode: variant.barcode,
    price: decimal(variant.priceCents),
    compareAtPrice: variant.compareAtCents === null ? null : decimal(variant.compareAtCents),
    inventoryQuantity: variant.inventory,
    selectedOptions: variant.options.map((value, i) => ({ name: product.options[i]?.name ?? "Title", value })),
    position: product.variants.indexOf(index) + 1,
    product: () => productNode(gql, variant.product),
    createdAt: isoTime(variant.createdAt),
    updatedAt: isoTime(variant.updatedAt),
  };
}

function listOf<T>(items: T[], id: (item: T) => string, view: (item: T) => unknown) {
  return (args: PageArgs, gql: GqlContext, info: GraphQLResolveInfo) => {
    const positions = items.map((_, i) => i);
    const page = paginate(positions, (i) => [i, id(items[i]!)], args, gql, info);
    return connection(page, (i) => view(items[i]!));
  };
}

export function productNode(gql: GqlContext, index: number) {
  const product = gql.shop.products[index]!;
  const productGid = gid("Product", product.id);
  const image = (i: ProductRecord["images"][number]) => ({ id: gid("ProductImage", i.id), url: i.src, altText: i.alt, width: i.width, height: i.height });
  const media = (i: ProductRecord["images"][number]) => ({ __typename: "MediaImage", id: gid("MediaImage", i.mediaId), alt: i.alt ?? "", mediaContentType: "IMAGE", image: image(i) });
  return {
    __typename: "Product",
    id: productGid,
    legacyResourceId: product.id,
    title: product.title,
    handle: product.handle,
    description: (args: { truncateAt?: number }) => {
      const text = product.bodyHtml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
      return args.truncateAt ? text.slice(0, args.truncateAt) : text;
    },
    descriptionHtml: product.bodyHtml,
    vendor: product.vendor ?? "",
    productType: product.productType ?? "",
    tags: product.tags,
    status: product.status,
    seo: { title: product.seoTitle, description: product.seoDescription },
    options: () => product.options.map((option, i) => ({ id: gid("ProductOption", Number(product.id) + i + 1), name: option.name, position: i + 1, values: option.values })),
    variants: listOf(product.variants, (v) => gql.shop.variants[v]!.id, (v) => variantNode(gql, v)),
    variantsCount: { count: product.variants.length, precision: "EXACT" },
    images: listOf(product.images, (i) => i.id, image),
    media: listOf(product.images, (i) => i.mediaId, media),
    featuredImage: product.images[0] ? image(product.images[0]) : null,
    featuredMedia: product.images[0] ? media(product.images[0]) : null,
    totalInventory: product.variants.reduce((sum, v) => sum + gql.shop.variants[v]!.inventory, 0),
    onlineStoreUrl: product.status === "ACTIVE" ? `https://${gql.shop.domain}/products/${product.handle}` : null,
    createdAt: isoTime(product.createdAt),
    updatedAt: isoTime(product.updatedAt),
    publishedAt: product.publishedAt === null ? null : isoTime(product.publishedAt),
    metafield: (args: { namespace?: string; key: string }) => metafieldView(gql, productGid, args),
    metafields: (args: PageArgs & { namespace?: string }, context: GqlContext, info: GraphQLResolveInfo) => {
      const namespace = args.namespace ? resolveNamespace(args.namespace, context.sim.options.app.apiKey) : null;
      const records = [...(context.shop.metafields.get(productGid)?.values() ?? [])].filter((m) => namespace === null || m.namespace === namespace);
      return listOf(records, (m) => m.id, metafieldNode)(args, context, info);
    },
  };
}

const SEARCH_FIELDS: Record<string, FieldMatcher<ProductRecord>> = {
  created_at: dateMatcher((p) => p.createdAt),
  updated_at: dateMatcher((p) => p.updatedAt),
  id: numberMatcher((p) => Number(p.id)),
  title: textMatcher((p) => p.title),
  handle: textMatcher((p) => p.handle),
  status: textMatcher((p) => p.status),
  vendor: textMatcher((p) => p.vendor),
  product_type: textMatcher((p) => p.productType),
  tag: listMatcher((p) => p.tags),
};

const SORT_KEYS: Record<string, (p: ProductRecord) => SortValue> = {
  ID: (p) => Number(p.id),
  CREATED_AT: (p) => p.createdAt,
  UPDATED_AT: (p) => p.updatedAt,
  TITLE: (p) => p.title.toLowerCase(),
  PRODUCT_TYPE: (p) => p.productType ?? "",
  VENDOR: (p) => p.vendor ?? "",
  PUBLISHED_AT: (p) => p.publishedAt ?? 0,
  INVENTORY_TOTAL: (p) => p.variants.length,
  RELEVANCE: (p) => Number(p.id),
};

export const products: Resolver = (_source, args, gql, info) => {
  const record = (i: number) => gql.shop.products[i]!;
  const live: number[] = [];
  gql.shop.products.forEach((product, i) => {
    if (product.deletedAt === null) live.push(i);
  });
  const wrap = (matcher: FieldMatcher<ProductRecord>): FieldMatcher<number> => (i, term) => matcher(record(i), term);
  const fields = Object.fromEntries(Object.entries(SEARCH_FIELDS).map(([name, matcher]) => [name, wrap(matcher)]));
  const { records, warnings } = applySearch(live, parseSearch(args.query as string | undefined), fields, wrap((p, term) => p.title.toLowerCase().includes(term.value.toLowerCase())));
  if (warnings.length > 0) gql.searchWarnings.push({ path: ["products"], query: String(args.query), warnings });
  const sortName = String(args.sortKey ?? "ID");
  const sortKey = SORT_KEYS[sortName] ?? SORT_KEYS.ID!;
  const sorted = sortName === "ID" ? records : [...records].sort((a, b) => compareBy(sortKey(record(a)), sortKey(record(b))) || a - b);
  const page = paginate(sorted, (i) => [sortKey(record(i)), record(i).id], args as PageArgs, gql, info);
  return connection(page, (i) => productNode(gql, i));
};

export const product: Resolver = (_source, args, gql) => {
  const index = gql.shop.index.products.get(parseId(String(args.id)).id);
  return index === undefined || gql.shop.products[index]!.deletedAt !== null ? null : productNode(gql, index);
};
