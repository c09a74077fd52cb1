import type { Hono } from "hono";
import { z } from "zod";
import { evaluateCart } from "../functions/evaluate-cart.ts";
import { readJson } from "../lib/read-body.ts";
import { storeNow } from "../store/create-shop.ts";
import { collectionGid, discountGid, discountStatus, shopDiscounts } from "../store/discounts-store.ts";
import { StoreInputError } from "../store/input-error.ts";
import type { SimContext } from "../types.ts";
import { guarded, requireShop } from "./respond.ts";

const CART = z.strictObject({
  customerId: z.string().min(1).nullable().default(null),
  lines: z.array(z.strictObject({ variantId: z.string().min(1), quantity: z.number().int().min(1).max(999) })).max(250),
  presentmentCurrencyRate: z.number().positive().default(1),
});
const COLLECTION = z.strictObject({ title: z.string().min(1).default("Collection"), productIds: z.array(z.string().min(1)) });

/** A checkout with the app's discount Functions, the collections they can target, and the discounts apps made. */
export function registerCartRoutes(app: Hono, ctx: SimContext): void {
  app.post("/_sim/shops/:shop/carts/evaluate", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      return c.json(evaluateCart(ctx, shop, CART.parse(await readJson(c))));
    }),
  );

  app.post("/_sim/shops/:shop/collections", (c) =>
    guarded(c, async () => {
      const shop = requireShop(c, ctx);
      if (shop instanceof Response) return shop;
      const body = COLLECTION.parse(await readJson(c));
      const productIds = body.productIds.map((id) => id.replace(/^gid:\/\/shopify\/Product\//, ""));
      for (const id of productIds) if (!shop.index.products.has(id)) throw new StoreInputError("unknown_product", `No product ${id} in ${shop.domain}`);
      const id = String(shop.nextId.misc++);
      shopDiscounts(shop).collections.set(id, { title: body.title, productIds: new Set(productIds) });
      return c.json({ id: collectionGid(id) }, 201);
    }),
  );

  app.get("/_sim/shops/:shop/discounts", (c) => {
    const shop = requireShop(c, ctx);
    if (shop instanceof Response) return shop;
    const now = storeNow(shop);
    const discounts = [...shopDiscounts(shop).discounts.values()].map((record) => ({
      id: discountGid(record.id),
      title: record.title,
      functionHandle: record.functionHandle,
      status: discountStatus(record, now),
      discountClasses: record.discountClasses,
      startsAt: new Date(record.startsAt).toISOString(),
      endsAt: record.endsAt === null ? null : new Date(record.endsAt).toISOString(),
      combinesWith: record.combinesWith,
      metafields: [...record.metafields.values()],
    }));
    return c.json({ discounts });
  });
}
