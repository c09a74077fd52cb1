// Shopify CLI's generated entry imports each target's export from this module (the toml's `export`, camel-cased).
export { cartLinesDiscountsGenerateRun } from "./cart_lines_discounts_generate_run.ts";
