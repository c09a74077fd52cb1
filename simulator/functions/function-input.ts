import { buildSchema, execute, parse, validate, type GraphQLSchema } from "graphql";
import { parseId } from "../lib/ids.ts";
import type { AppDiscountRecord } from "../store/discounts-store.ts";
import { collectionGid, shopDiscounts } from "../store/discounts-store.ts";
import type { CustomerRecord, ShopState } from "../types.ts";
import { DISCOUNT_FUNCTION_SDL } from "./discount-function-sdl.ts";

let schema: GraphQLSchema | null = null;
export const discountFunctionSchema = (): GraphQLSchema => (schema ??= buildSchema(DISCOUNT_FUNCTION_SDL));

export type CartLineRequest = { variantIndex: number; quantity: number };

const money = (cents: number) => ({ amount: (cents / 100).toFixed(2) });
const sameTag = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function taggable(tags: string[]) {
  return {
    hasAnyTag: ({ tags: asked }: { tags: string[] }) => asked.some((tag) => tags.some((own) => sameTag(own, tag))),
    hasTags: ({ tags: asked }: { tags: string[] }) => asked.map((tag) => ({ tag, hasTag: tags.some((own) => sameTag(own, tag)) })),
  };
}

function customerNode(customer: CustomerRecord) {
  return {
    id: `gid://shopify/Customer/${customer.id}`,
    email: customer.email,
    displayName: `${customer.firstName} ${customer.lastName}`.trim(),
    // Read when the query runs: the tags the customer carries now, as the checkout sees them.
    ...taggable(customer.tags),
  };
}

/** The object graph the Function schema's default resolvers walk: the store's cart, customer and discount. */
function inputRoot(shop: ShopState, discount: AppDiscountRecord, customer: CustomerRecord | null, lines: CartLineRequest[], rate: number) {
  const collections = shopDiscounts(shop).collections;
  const inCollection = (productId: string, id: string) => collections.get(parseId(id).id)?.productIds.has(productId) ?? false;
  const cartLines = lines.map((line, index) => {
    const variant = shop.variants[line.variantIndex]!;
    const product = shop.products[variant.product]!;
    const cents = variant.priceCents * line.quantity;
    return {
      id: `gid://shopify/CartLine/${index + 1}`,
      quantity: line.quantity,
      cost: { amountPerQuantity: money(variant.priceCents), subtotalAmount: money(cents), totalAmount: money(cents) },
      merchandise: {
        __typename: "ProductVariant",
        id: `gid://shopify/ProductVariant/${variant.id}`,
        sku: variant.sku,
        title: variant.title,
        product: {
          id: `gid://shopify/Product/${product.id}`,
          handle: product.handle,
          title: product.title,
          vendor: product.vendor,
          productType: product.productType,
          isGiftCard: false,
          ...taggable(product.tags),
          inAnyCollection: ({ ids }: { ids: string[] }) => ids.some((id) => inCollection(product.id, id)),
          inCollections: ({ ids }: { ids: string[] }) => ids.map((id) => ({ collectionId: collectionGid(parseId(id).id), isMember: inCollection(product.id, id) })),
        },
      },
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + shop.variants[line.variantIndex]!.priceCents * line.quantity, 0);
  return {
    presentmentCurrencyRate: String(rate),
    discount: {
      discountClasses: discount.discountClasses,
      metafield: ({ namespace, key }: { namespace?: string; key: string }) => {
        const metafield = discount.metafields.get(`${namespace ?? ""}.${key}`);
        if (!metafield) return null;
        return { type: metafield.type, value: metafield.value, jsonValue: metafield.type === "json" ? JSON.parse(metafield.value) : metafield.value };
      },
    },
    cart: {
      buyerIdentity: customer ? { customer: customerNode(customer), email: customer.email, isAuthenticated: true } : null,
      cost: { subtotalAmount: money(subtotal), totalAmount: money(subtotal) },
      lines: cartLines,
    },
  };
}

/**
 * Runs a Function's input query over the store, as Shopify does before each run, with the owner's configuration
 * metafield as its variables. The answer is what the Function reads; a query the schema refuses throws.
 */
export function buildFunctionInput(args: {
  shop: ShopState;
  discount: AppDiscountRecord;
  inputQuery: string;
  variablesMetafield: { namespace: string; key: string } | null;
  customer: CustomerRecord | null;
  lines: CartLineRequest[];
  rate: number;
}): Record<string, unknown> {
  const document = parse(args.inputQuery);
  const errors = validate(discountFunctionSchema(), document);
  if (errors.length > 0) throw new Error(`the input query does not validate: ${errors.map((error) => error.message).join("; ")}`);
  const { variablesMetafield } = args;
  const configuration = variablesMetafield ? args.discount.metafields.get(`${variablesMetafield.namespace}.${variablesMetafield.key}`) : undefined;
  const parsed: unknown = configuration ? JSON.parse(configuration.value) : {};
  const variableValues = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const rootValue = inputRoot(args.shop, args.discount, args.customer, args.lines, args.rate);
  const result = execute({ schema: discountFunctionSchema(), document, rootValue, variableValues }) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (result.errors?.length) throw new Error(`the input query failed: ${result.errors.map((error) => error.message).join("; ")}`);
  return result.data!;
}
