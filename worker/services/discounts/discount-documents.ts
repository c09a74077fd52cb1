import type { DiscountInput } from "./group-discount-rules.ts";

type DiscountUserError = { field: string[] | null; message: string; code: string | null };
type Saved = { automaticAppDiscount: { discountId: string } | null; userErrors: DiscountUserError[] };

export const CREATE_DISCOUNT = /* GraphQL */ `
  mutation SegopsDiscountCreate($discount: DiscountAutomaticAppInput!) {
    discountAutomaticAppCreate(automaticAppDiscount: $discount) {
      automaticAppDiscount { discountId }
      userErrors { field message code }
    }
  }
`;
export type CreateDiscountData = { discountAutomaticAppCreate: Saved };

export const UPDATE_DISCOUNT = /* GraphQL */ `
  mutation SegopsDiscountUpdate($id: ID!, $discount: DiscountAutomaticAppInput!) {
    discountAutomaticAppUpdate(id: $id, automaticAppDiscount: $discount) {
      automaticAppDiscount { discountId }
      userErrors { field message code }
    }
  }
`;
export type UpdateDiscountData = { discountAutomaticAppUpdate: Saved };

export const DELETE_DISCOUNT = /* GraphQL */ `
  mutation SegopsDiscountDelete($id: ID!) {
    discountAutomaticDelete(id: $id) {
      deletedAutomaticDiscountId
      userErrors { field message code }
    }
  }
`;
export type DeleteDiscountData = { discountAutomaticDelete: { deletedAutomaticDiscountId: string | null; userErrors: DiscountUserError[] } };

export type DiscountVariables = { discount: DiscountInput };
