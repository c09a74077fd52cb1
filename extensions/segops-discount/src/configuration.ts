/**
 * The discount's `$app:segops-discount` / `function-configuration` JSON metafield. Its top-level `tags` and
 * `collectionIds` are also the input query's variables; `rules` are what the Function evaluates. The worker
 * writes it (worker/services/discounts/group-discount-rules.ts); keys are short because Shopify caps a
 * metafield a Function reads at 10,000 bytes.
 */
export type FunctionConfiguration = {
  /** Every `segops:<slug>` tag the rules name: `$tags` of `hasTags`. */
  tags: string[];
  /** Every collection the rules target, as GIDs: `$collectionIds` of `inCollections`. */
  collectionIds: string[];
  rules: DiscountRuleConfig[];
};

export type RuleTarget = "order" | "products" | "collections" | "variants";

export type DiscountRuleConfig = {
  /** The rule's id in SegOps: the tie-breaker when two rules save the same amount. */
  id: string;
  /** The buyer must carry at least one of these tags. */
  tags: string[];
  /** Shown to the buyer at checkout. */
  message: string;
  /** `p` a percentage (0–100], `a` a fixed amount in the shop's currency; decimal strings. */
  p?: string;
  a?: string;
  on: RuleTarget;
  /** Numeric Shopify ids of the targeted products, variants or collections (empty for `order`). */
  ids: string[];
  /** Minimum subtotal of the cart (shop currency), gift cards left out. */
  min?: string;
};
