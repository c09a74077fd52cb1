// Checkout and customer account UI extensions have `s-product-thumbnail`, which the App Home types (@shopify/polaris-types) lack.
import "preact";

declare module "preact" {
  namespace createElement.JSX {
    interface IntrinsicElements {
      "s-product-thumbnail": { src?: string | undefined; alt?: string; size?: "small-100" | "small" | "base" };
    }
  }
}
