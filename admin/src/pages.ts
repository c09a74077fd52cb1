/** The admin's pages, in navigation order. */
export const PAGES = [
  { path: "/app", label: "Dashboard" },
  { path: "/app/pixel", label: "Pixel" },
  { path: "/app/segments", label: "Segments" },
  { path: "/app/landing-pages", label: "Landing pages" },
  { path: "/app/product-sync", label: "Product sync" },
  { path: "/app/discounts", label: "Discounts" },
  { path: "/app/billing", label: "Billing" },
  { path: "/app/settings", label: "Settings" },
] as const satisfies readonly { path: string; label: string }[];

export type Page = (typeof PAGES)[number];
