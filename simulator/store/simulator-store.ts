import { mintSessionToken, type SessionTokenOptions } from "../auth/session-token.ts";
import type { ShopState, SimContext } from "../types.ts";
import { createShopState, type CreateShopOptions } from "./create-shop.ts";
import { StoreInputError } from "./input-error.ts";

/** In-process access to the simulated shops, for callers that skip the control API. */
export interface SimulatorStore {
  createShop(options?: CreateShopOptions): ShopState;
  getShop(domain: string): ShopState | undefined;
  sessionToken(domain: string, options?: SessionTokenOptions): string;
  readonly shops: ReadonlyMap<string, ShopState>;
}

export function createSimulatorStore(ctx: SimContext): SimulatorStore {
  return {
    createShop(options = {}) {
      let domain = options.shop;
      while (!domain || (!options.shop && ctx.shops.has(domain))) domain = `sim-${++ctx.shopCounter}.myshopify.com`;
      if (ctx.shops.has(domain)) throw new StoreInputError("shop_exists", `${domain} already exists`, 409);
      const shop = createShopState(options, domain, ctx.options.app.scopes);
      ctx.shops.set(domain, shop);
      return shop;
    },
    getShop: (domain) => ctx.shops.get(domain),
    sessionToken(domain, options) {
      if (!ctx.shops.has(domain)) throw new StoreInputError("shop_not_found", `No simulated shop ${domain}`, 404);
      return mintSessionToken(domain, ctx.options.app, options);
    },
    shops: ctx.shops,
  };
}
