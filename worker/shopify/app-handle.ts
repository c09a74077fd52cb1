/** The app handle in shopify.app.toml: part of the embedded app URL `admin.shopify.com/store/{shop}/apps/{handle}`. */
export const APP_HANDLE = "segops";
