import { render } from "preact";
import { fetchRecommendations, lineProductIds, type HostApi } from "../../ui-shared/src/checkout-recommendations.ts";
import { RecommendationsBlock } from "../../ui-shared/src/recommendations-block.tsx";

/** `customer-account.order-status.block.render`'s API, as far as this block reads it. */
type OrderStatusApi = HostApi & { order: { value: { id: string } | undefined } };

// biome-ignore lint/style/noDefaultExport: the extension host runs the default export of the toml's module.
export default async () => {
  const host = (globalThis as unknown as { shopify: OrderStatusApi }).shopify;
  const orderId = host.order.value?.id;
  if (!orderId) return;
  const params = { order_id: orderId, product_ids: lineProductIds(host.lines.value), limit: "4" };
  const load = () => fetchRecommendations(host, "order-status", params);
  render(<RecommendationsBlock heading="You may also like" storefrontUrl={host.shop.storefrontUrl} load={load} />, document.body);
};
