import type { FunctionComponent } from "preact";
import { PrivacySection } from "./privacy/privacy-section.tsx";
import { ProductSyncSection } from "./product-sync/product-sync-section.tsx";

/**
 * The Settings page's sections, in order. A new section (product sync, discounts…) is one component here: it
 * renders its own `s-section`s and owns its loading, error and save states.
 */
export const SETTINGS_SECTIONS: readonly { id: string; Section: FunctionComponent }[] = [
  { id: "product-sync", Section: ProductSyncSection },
  { id: "privacy", Section: PrivacySection },
];
