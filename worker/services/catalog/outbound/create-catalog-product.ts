import type { TenantContext } from "../../../context/deps.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import { answerOnce, bodyDigest, type KeyReused } from "../../idempotency/answer-once.ts";
import { getProductSyncSettings } from "../product-sync-settings.ts";
import type { CatalogProductInput } from "./catalog-product-input.ts";
import { catalogProductRow } from "./catalog-product-row.ts";
import { writeCatalogProducts } from "./write-catalog-products.ts";

export type CreatedCatalogProduct = {
  product: { id: string; handle: string; shopifyProductId: string | null; outbound: { state: "pending"; error: null } };
};
export type OutboundOff = { kind: "outbound_off"; message: string };

const ROUTE = "POST /v1/products";

/** Catalog out is opt-in: refused until the merchant turns outbound product sync on. */
export async function requireOutbound(args: { ctx: TenantContext }): Promise<Result<true, OutboundOff>> {
  if ((await getProductSyncSettings({ ctx: args.ctx })).outbound) return ok(true);
  return err({ kind: "outbound_off", message: "Catalog out is off for this workspace: turn on outbound product sync (Settings → Product sync) first." });
}

/**
 * `POST /v1/products`: stores the product as SegOps' version (by handle: created or updated) and queues its
 * `productSet`; answers 202 at once. With an `Idempotency-Key`, a retry gets the first answer and writes nothing.
 */
export async function createCatalogProduct(args: {
  ctx: TenantContext;
  input: { product: CatalogProductInput; idempotencyKey: string | null; now: number };
}): Promise<Result<{ status: 202; body: CreatedCatalogProduct; replayed: boolean }, OutboundOff | KeyReused>> {
  const { ctx, input } = args;
  const answer = await answerOnce<CreatedCatalogProduct, OutboundOff>({
    ctx,
    input: {
      route: ROUTE,
      key: input.idempotencyKey,
      digest: await bodyDigest(input.product),
      now: input.now,
      run: async () => {
        const allowed = await requireOutbound({ ctx });
        if (!allowed.ok) return allowed;
        const [written] = await writeCatalogProducts({ ctx, input: { products: [catalogProductRow(input.product)], now: input.now } });
        const product = { id: written!.id, handle: written!.handle, shopifyProductId: written!.shopifyProductId, outbound: { state: "pending" as const, error: null } };
        return ok({ status: 202 as const, body: { product } });
      },
    },
  });
  return answer.ok ? ok({ status: 202, body: answer.value.body, replayed: answer.value.replayed }) : answer;
}
