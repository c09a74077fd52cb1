import { z } from "zod";

/** `gid://shopify/Order/123?x=y` → `123`; other strings unchanged. */
export function idFromGid(value: string): string {
  if (!value.startsWith("gid://")) return value;
  const tail = value.slice(value.lastIndexOf("/") + 1);
  const query = tail.indexOf("?");
  return query === -1 ? tail : tail.slice(0, query);
}

/** A Shopify id as a string: numbers (already exact, see parseShopifyJson), digit strings and gids. */
export const shopifyId = z.union([z.string().min(1), z.number().int().nonnegative()]).transform((value) => idFromGid(String(value)));

export const optionalId = z
  .union([z.string(), z.number().int().nonnegative()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? null : idFromGid(String(value))));

/** Money arrives as "600.00", 600 or `{ amount, currencyCode }` depending on the API; stored as a number. */
export const money = z
  .union([z.string(), z.number(), z.object({ amount: z.union([z.string(), z.number()]).nullish() })])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const raw = typeof value === "object" ? value.amount : value;
    if (raw === null || raw === undefined || raw === "") return null;
    const amount = Number(raw);
    return Number.isFinite(amount) ? amount : null;
  });

/** An ISO time as epoch ms; a malformed one (the captured payloads have some) reads as null rather than failing. */
export const timestamp = z.string().nullish().transform((value) => {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
});

export const text = z.union([z.string(), z.number()]).nullish().transform((value) => {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return trimmed === "" ? null : trimmed;
});

export const quantity = z.union([z.number(), z.string()]).nullish().transform((value) => {
  const parsed = Number(value ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
});

/** Shopify tags arrive as "a, b, c" (REST) or ["a", "b"] (GraphQL). */
export const tagList = z.union([z.string(), z.array(z.string())]).nullish().transform((value) => {
  if (value === null || value === undefined) return null;
  const parts = Array.isArray(value) ? value : value.split(",");
  return parts.map((tag) => tag.trim()).filter((tag) => tag !== "");
});

export const upper = (value: string | null): string | null => (value === null ? null : value.toUpperCase());
