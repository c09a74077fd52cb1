import { z } from "zod";
import { idFromGid } from "../gid.ts";
import { moneyValue, quantityValue, tagListValue, textValue, timestampValue } from "./read-field-values.ts";

// Each schema gates the types and shares its transform with the plain reader of read-field-values.ts, so the two
// agree by construction on what a value becomes.

/** A Shopify id as a string: numbers (already exact, see parseShopifyJson), digit strings and gids. */
export const shopifyId = z.union([z.string().min(1), z.number().int().nonnegative()]).transform((value) => idFromGid(String(value)));

export const optionalId = z
  .union([z.string(), z.number().int().nonnegative()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? null : idFromGid(String(value))));

/** Money arrives as "600.00", 600 or `{ amount, currencyCode }` depending on the API; stored as a number. */
export const money = z.union([z.string(), z.number(), z.object({ amount: z.union([z.string(), z.number()]).nullish() })]).nullish().transform(moneyValue);

/** An ISO time as epoch ms; a malformed one (the captured payloads have some) reads as null rather than failing. */
export const timestamp = z.string().nullish().transform(timestampValue);

export const text = z.union([z.string(), z.number()]).nullish().transform(textValue);

export const quantity = z.union([z.number(), z.string()]).nullish().transform(quantityValue);

/** Shopify tags arrive as "a, b, c" (REST) or ["a", "b"] (GraphQL). */
export const tagList = z.union([z.string(), z.array(z.string())]).nullish().transform(tagListValue);

export const upper = (value: string | null): string | null => (value === null ? null : value.toUpperCase());
