import { render } from "preact";
import { fetchRecommendations, lineProductIds, type HostApi } from "../../ui-shared/src/checkout-recommendations.ts";
import { RecommendationsBlock } from "../../ui-shared/src/recommendations-block.tsx";

/** `purchase.thank-you.block.render`'s API, as far as this block reads it. */
type ThankYouApi = HostApi & { orderConfirmation: { value: { order: { id: string } } | undefined } };

// biome-ignore lint/style/noDefaultExport: the extension host runs the default export of the toml's module.
export default async () => {
  const host = (globalThis as unknown as { shopify: ThankYouApi }).shopify;
  const params: Record<string, string> = { product_ids: lineProductIds(host.lines.value), limit: "4" };
  const orderId = host.orderConfirmation.value?.order.id;
  if (orderId) params.order_id = orderId;
  const load = () => fetchRecommendations(host, "thank-you", params);
  render(<RecommendationsBlock heading="Goes well with your order" storefrontUrl={host.shop.storefrontUrl} load={load} />, document.body);
};
