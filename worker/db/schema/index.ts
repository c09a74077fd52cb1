export * from "./tenants.ts";
export * from "./events.ts";
export * from "./profiles.ts";
export * from "./catalog.ts";
export * from "./segments.ts";
export * from "./discounts.ts";
export * from "./operations.ts";
export * from "./storefront.ts";
