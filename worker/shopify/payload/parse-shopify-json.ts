import { err, ok, type Result } from "../../lib/result.ts";

const LONG_DIGIT_RUN = /\d{16}/;
const INTEGER_LITERAL = /^-?\d+$/;

type ReviverContext = { source?: string };

// JSON.parse source-text access (ES2025): the reviver sees the literal, so an id above 2^53 keeps every digit.
function keepBigIntegers(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source && INTEGER_LITERAL.test(context.source)) {
    return context.source;
  }
  return value;
}

/**
 * Parses a Shopify JSON body without losing precision: integer literals beyond 2^53 become their exact digits
 * as strings. Bodies without a 16-digit run take the plain JSON.parse path.
 */
export function parseShopifyJson(text: string): Result<unknown, { reason: string }> {
  try {
    if (!LONG_DIGIT_RUN.test(text)) return ok(JSON.parse(text));
    return ok(JSON.parse(text, keepBigIntegers as (key: string, value: unknown) => unknown));
  } catch (error) {
    return err({ reason: `body is not JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
}
