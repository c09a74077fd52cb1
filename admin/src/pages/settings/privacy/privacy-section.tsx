import { PrivacyRequests } from "./privacy-requests.tsx";
import { RetentionSettings } from "./retention-settings.tsx";

/** Settings → Privacy: Shopify's privacy requests for this store and how long SegOps keeps what it stores. */
export function PrivacySection() {
  return (
    <>
      <PrivacyRequests />
      <RetentionSettings />
    </>
  );
}
