/**
 * The worker the extensions call: shopify.app.toml's `application_url` without its path. Shopify CLI bundles the
 * extensions as they are, so it lives in source; tests/extensions/checkout-ui-bundles.test.ts keeps it equal to the toml.
 */
export const SEGOPS_APP_ORIGIN = "https://app.segops.example";
