/** The admin's pages, in navigation order; `comingSoon` pages arrive with their capabilities in later issues. */
export const PAGES = [
  { path: "/app", label: "Dashboard" },
  { path: "/app/pixel", label: "Pixel" },
  { path: "/app/segments", label: "Segments" },
  { path: "/app/landing-pages", label: "Landing pages" },
  { path: "/app/product-sync", label: "Product sync", comingSoon: "Keep products in sync both ways, push now, and read each product's AI readability score with recommendations." },
  { path: "/app/discounts", label: "Discounts" },
  { path: "/app/billing", label: "Billing" },
  { path: "/app/settings", label: "Settings" },
] as const satisfies readonly { path: string; label: string; comingSoon?: string }[];

export type Page = (typeof PAGES)[number];
