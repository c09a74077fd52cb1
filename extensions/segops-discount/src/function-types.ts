/** What the input query (cart_lines_discounts_generate_run.graphql) selects, as Shopify hands it to the Function. */
export type RunInput = {
  discount: { discountClasses: DiscountClass[]; metafield: { jsonValue: unknown } | null };
  presentmentCurrencyRate: string;
  cart: {
    buyerIdentity: { customer: { hasTags: { tag: string; hasTag: boolean }[] } | null } | null;
    lines: CartLineInput[];
  };
};

export type CartLineInput = {
  id: string;
  cost: { subtotalAmount: { amount: string } };
  merchandise:
    | {
        __typename: "ProductVariant";
        id: string;
        product: { id: string; isGiftCard: boolean; inCollections: { collectionId: string; isMember: boolean }[] };
      }
    | { __typename: "CustomProduct" };
};

export type DiscountClass = "ORDER" | "PRODUCT" | "SHIPPING";

type DiscountValue = { percentage: { value: string } } | { fixedAmount: { amount: string } };

/** `CartLinesDiscountsGenerateRunResult`, as far as this Function uses it (checked against Shopify's schema in tests). */
export type RunResult = { operations: CartOperation[] };

export type CartOperation =
  | {
      orderDiscountsAdd: {
        selectionStrategy: "FIRST";
        candidates: { message: string; targets: { orderSubtotal: { excludedCartLineIds: string[] } }[]; value: DiscountValue }[];
      };
    }
  | {
      productDiscountsAdd: {
        selectionStrategy: "FIRST";
        candidates: {
          message: string;
          targets: { cartLine: { id: string } }[];
          value: { percentage: { value: string } } | { fixedAmount: { amount: string; appliesToEachItem: boolean } };
        }[];
      };
    };
