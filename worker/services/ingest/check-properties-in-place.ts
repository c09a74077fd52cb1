import type { CanonicalEventName } from "./event-properties.ts";

/**
 * Plain checks for the properties of the most frequent events (an order's, a customer's), for the hot path: a check
 * passes only properties that carry exactly their schema's keys with values the schema accepts unchanged, so zod's
 * output would equal the input. Anything else (an extra key, pixel enrichment, an odd value) goes to the schema.
 */
type Check = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isId = (value: unknown) => typeof value === "string" && value.length > 0;
const isNullableId = (value: unknown) => value === null || isId(value);
const isNullableText = (value: unknown) => value === null || typeof value === "string";
const isNumber = (value: unknown) => typeof value === "number" && Number.isFinite(value);
const isAmount = (value: unknown) => value === null || isNumber(value);
// Only the canonical form `toISOString()` writes: a strict subset of what `z.iso.datetime()` accepts.
function isIsoTime(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== "string" || value.length !== 24) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}

// An index loop, not `every`: a hole in an array fails here as it fails the schema.
function items(check: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
    return true;
  };
}

function shape(fields: Record<string, Check>): Check {
  const keys = Object.keys(fields);
  return (value) => {
    if (!isRecord(value)) return false;
    let count = 0;
    for (const key in value) {
      const check = fields[key];
      if (!check?.(value[key])) return false;
      count++;
    }
    return count === keys.length;
  };
}

const lineItem = shape({
  lineItemId: isNullableId,
  productId: isNullableId,
  variantId: isNullableId,
  sku: isNullableText,
  title: isNullableText,
  quantity: isNumber,
  price: isAmount,
});

const order = shape({
  orderId: isId,
  name: isNullableText,
  currency: isNullableText,
  totalPrice: isNumber,
  subtotalPrice: isAmount,
  totalTax: isAmount,
  totalDiscounts: isAmount,
  totalRefunded: isNumber,
  financialStatus: isNullableText,
  fulfillmentStatus: isNullableText,
  checkoutToken: isNullableText,
  cartToken: isNullableText,
  customerId: isNullableId,
  sourceName: isNullableText,
  lineItems: items(lineItem),
  cancelledAt: isIsoTime,
  cancelReason: isNullableText,
});

const customer = shape({
  customerId: isId,
  state: isNullableText,
  countryCode: isNullableText,
  tags: (value) => value === null || items((tag) => typeof tag === "string")(value),
  emailMarketingState: isNullableText,
  smsMarketingState: isNullableText,
});

export const PROPERTIES_CHECKS: Partial<Record<CanonicalEventName, Check>> = {
  purchase: order,
  order_created: order,
  order_updated: order,
  order_cancelled: order,
  customer_created: customer,
  customer_updated: customer,
};
