import { z } from "zod";

/** What Shopify adds to every app proxy request that the handlers read; the signature middleware has checked it all. */
export const ProxyQuery = z.looseObject({
  logged_in_customer_id: z
    .string()
    .optional()
    .transform((id) => (id && /^\d{1,20}$/.test(id) ? id : null)),
  /** `1` when the theme block fetches the page to place it itself (no theme layout around it). */
  fragment: z
    .string()
    .optional()
    .transform((value) => value === "1"),
});

/** Liquid answers: Shopify renders them in the shop's theme; never cached, as they can be personal. */
export const LIQUID_HEADERS = { "Content-Type": "application/liquid; charset=utf-8", "Cache-Control": "private, no-store" };
