/** The discount part of Admin GraphQL 2026-07 the simulator serves: automatic app discounts that run a Function. */
export const DISCOUNTS_SDL = /* GraphQL */ `
enum DiscountClass { ORDER PRODUCT SHIPPING }
enum DiscountStatus { ACTIVE EXPIRED SCHEDULED }
enum DiscountErrorCode { BLANK INVALID TOO_LONG END_DATE_BEFORE_START_DATE MAX_APP_DISCOUNTS MISSING_FUNCTION_IDENTIFIER APPLIES_ON_NOTHING INTERNAL_ERROR }

input DiscountCombinesWithInput { orderDiscounts: Boolean = false productDiscounts: Boolean = false shippingDiscounts: Boolean = false }
input MetafieldInput { id: ID key: String namespace: String type: String value: String }
input DiscountAutomaticAppInput {
  title: String functionHandle: String discountClasses: [DiscountClass!] startsAt: DateTime endsAt: DateTime
  combinesWith: DiscountCombinesWithInput metafields: [MetafieldInput!] = [] tags: [String!]
  appliesOnOneTimePurchase: Boolean = true appliesOnSubscription: Boolean = true recurringCycleLimit: Int = 1
}

type DiscountCombinesWith { orderDiscounts: Boolean! productDiscounts: Boolean! shippingDiscounts: Boolean! }
type DiscountAutomaticApp {
  discountId: ID! title: String! status: DiscountStatus! startsAt: DateTime! endsAt: DateTime discountClasses: [DiscountClass!]!
  combinesWith: DiscountCombinesWith! createdAt: DateTime! updatedAt: DateTime!
}
type DiscountUserError { code: DiscountErrorCode extraInfo: String field: [String!] message: String! }
type DiscountAutomaticAppCreatePayload { automaticAppDiscount: DiscountAutomaticApp userErrors: [DiscountUserError!]! }
type DiscountAutomaticAppUpdatePayload { automaticAppDiscount: DiscountAutomaticApp userErrors: [DiscountUserError!]! }
type DiscountAutomaticDeletePayload { deletedAutomaticDiscountId: ID userErrors: [DiscountUserError!]! }

extend type Mutation {
  discountAutomaticAppCreate(automaticAppDiscount: DiscountAutomaticAppInput!): DiscountAutomaticAppCreatePayload
  discountAutomaticAppUpdate(id: ID!, automaticAppDiscount: DiscountAutomaticAppInput!): DiscountAutomaticAppUpdatePayload
  discountAutomaticDelete(id: ID!): DiscountAutomaticDeletePayload
}
`;
