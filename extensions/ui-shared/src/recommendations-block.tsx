import { useEffect, useState } from "preact/hooks";
import type { CheckoutRecommendations } from "./checkout-recommendations.ts";

type Props = { heading: string; storefrontUrl: string | undefined; load: () => Promise<CheckoutRecommendations | null> };

/** A short list of products, each a thumbnail and a link to its page on the shop; nothing while loading or without products. */
export function RecommendationsBlock({ heading, storefrontUrl, load }: Props) {
  const [answer, setAnswer] = useState<CheckoutRecommendations | null>(null);
  useEffect(() => {
    load().then(setAnswer);
  }, [load]);
  if (!answer || answer.products.length === 0) return null;
  return (
    <s-section heading={heading}>
      <s-stack gap="base">
        {answer.products.map((product) => (
          <s-stack key={product.productId} direction="inline" gap="base" alignItems="center">
            <s-product-thumbnail src={product.imageUrl ?? undefined} alt={product.title} />
            {storefrontUrl && product.handle ? <s-link href={`${storefrontUrl}/products/${product.handle}`}>{product.title}</s-link> : <s-text>{product.title}</s-text>}
          </s-stack>
        ))}
      </s-stack>
    </s-section>
  );
}
