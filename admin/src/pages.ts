/** The admin's pages, in navigation order; `comingSoon` pages arrive with their capabilities in later issues. */
export const PAGES = [
  { path: "/app", label: "Dashboard" },
  { path: "/app/pixel", label: "Pixel" },
  { path: "/app/segments", label: "Segments" },
  { path: "/app/landing-pages", label: "Landing pages" },
  { path: "/app/product-sync", label: "Product sync" },
  { path: "/app/discounts", label: "Discounts" },
  { path: "/app/billing", label: "Billing", comingSoon: "Pick a plan (Starter, Growth or Scale) billed through Shopify, and see your usage against its limits." },
  { path: "/app/settings", label: "Settings" },
] as const satisfies readonly { path: string; label: string; comingSoon?: string }[];

export type Page = (typeof PAGES)[number];
