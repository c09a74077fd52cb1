import { sim } from "./harness.ts";

export type EvaluatedCart = {
  subtotal: string;
  discountTotal: string;
  total: string;
  applied: { discountId: string; title: string; message: string | null; discountClass: "ORDER" | "PRODUCT"; amount: string }[];
  runs: { discountId: string; input: { cart: { buyerIdentity: { customer: { hasTags: { tag: string; hasTag: boolean }[] } | null } | null } }; output: unknown }[];
};

export type SimAppDiscount = {
  id: string;
  title: string;
  functionHandle: string;
  status: "ACTIVE" | "EXPIRED" | "SCHEDULED";
  discountClasses: string[];
  startsAt: string;
  endsAt: string | null;
  combinesWith: { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
  metafields: { namespace: string; key: string; type: string; value: string }[];
};

async function simJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${sim().baseUrl}${path}`, init);
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A simulated checkout: every active app discount runs its Function for `customerId` (a GID or null) as tagged now. */
export const evaluateCart = (shop: string, cart: { customerId: string | null; lines: { variantId: string; quantity: number }[] }) =>
  simJson<EvaluatedCart>(`/_sim/shops/${encodeURIComponent(shop)}/carts/evaluate`, { method: "POST", body: JSON.stringify(cart) });

/** The automatic app discounts the shop holds, with their metafields. */
export const simDiscounts = async (shop: string) => (await simJson<{ discounts: SimAppDiscount[] }>(`/_sim/shops/${encodeURIComponent(shop)}/discounts`)).discounts;
