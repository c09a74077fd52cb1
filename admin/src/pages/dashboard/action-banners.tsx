import type { BootstrapResponse } from "../../api/client.ts";

/** Shopify's grant page for the app's declared scopes; App Bridge turns a `_top` open into admin navigation. */
function reapproveScopes(shop: string): void {
  const url = `https://${shop}/admin/oauth/install?client_id=${encodeURIComponent(shopify.config.apiKey)}`;
  window.open(url, "_top");
}

/** What the merchant must act on: missing scopes (re-approve) or lost access (reload to re-authenticate). */
export function ActionBanners({ banners, shop }: { banners: BootstrapResponse["banners"]; shop: string }) {
  return (
    <>
      {banners.map((banner) =>
        banner.kind === "scopes" ? (
          <s-banner key="scopes" tone={banner.tone} heading="SegOps needs more access">
            <s-stack gap="small">
              <s-paragraph>{banner.message}</s-paragraph>
              <s-stack direction="inline">
                <s-button variant="primary" onClick={() => reapproveScopes(shop)}>
                  Approve scopes
                </s-button>
              </s-stack>
            </s-stack>
          </s-banner>
        ) : (
          <s-banner key="reauth" tone={banner.tone} heading="SegOps lost access to your store">
            <s-stack gap="small">
              <s-paragraph>{banner.message}</s-paragraph>
              <s-stack direction="inline">
                <s-button variant="primary" onClick={() => location.reload()}>
                  Reload SegOps
                </s-button>
              </s-stack>
            </s-stack>
          </s-banner>
        ),
      )}
    </>
  );
}
