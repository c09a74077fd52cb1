/**
 * The part of Shopify's Discount Function API 2026-07 input schema the simulator can answer from its store, so a
 * Function's own input query is executed at a simulated checkout (tests/extensions/segops-discount checks it is
 * a faithful subset of the real schema). A field missing here fails the query visibly, as it would not in Shopify.
 */
export const DISCOUNT_FUNCTION_SDL = /* GraphQL */ `
scalar Decimal
scalar JSON
scalar Handle
enum DiscountClass { ORDER PRODUCT SHIPPING }

type MoneyV2 { amount: Decimal! }
type HasTagResponse { hasTag: Boolean! tag: String! }
type CollectionMembership { collectionId: ID! isMember: Boolean! }
type Metafield { jsonValue: JSON! type: String! value: String! }

type Customer {
  id: ID! email: String displayName: String!
  hasAnyTag(tags: [String!]! = []): Boolean!
  hasTags(tags: [String!]! = []): [HasTagResponse!]!
}
type BuyerIdentity { customer: Customer email: String isAuthenticated: Boolean! }

type Product {
  id: ID! handle: Handle! title: String! vendor: String productType: String isGiftCard: Boolean!
  hasAnyTag(tags: [String!]! = []): Boolean!
  hasTags(tags: [String!]! = []): [HasTagResponse!]!
  inAnyCollection(ids: [ID!]! = []): Boolean!
  inCollections(ids: [ID!]! = []): [CollectionMembership!]!
}
type ProductVariant { id: ID! sku: String title: String product: Product! }
type CustomProduct { isGiftCard: Boolean! title: String! }
union Merchandise = CustomProduct | ProductVariant

type CartLineCost { amountPerQuantity: MoneyV2! subtotalAmount: MoneyV2! totalAmount: MoneyV2! }
type CartLine { id: ID! quantity: Int! cost: CartLineCost! merchandise: Merchandise! }
type CartCost { subtotalAmount: MoneyV2! totalAmount: MoneyV2! }
type Cart { buyerIdentity: BuyerIdentity cost: CartCost! lines: [CartLine!]! }

type Discount { discountClasses: [DiscountClass!]! metafield(namespace: String, key: String!): Metafield }

type Input { cart: Cart! discount: Discount! presentmentCurrencyRate: Decimal! }

schema { query: Input }
`;
