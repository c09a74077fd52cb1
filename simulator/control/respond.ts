import type { Context } from "hono";
import { StoreInputError } from "../store/input-error.ts";
import type { ShopState, SimContext } from "../types.ts";

export type ErrorStatus = 400 | 404 | 409;

export function simError(c: Context, status: ErrorStatus, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

export function requireShop(c: Context, ctx: SimContext): ShopState | Response {
  const domain = c.req.param("shop") ?? "";
  const shop = ctx.shops.get(domain);
  return shop ?? simError(c, 404, "shop_not_found", `No simulated shop ${domain}`);
}

/** Runs a control handler, turning bad input into `{ error: { code, message } }` with a 4xx status. */
export async function guarded(c: Context, run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoreInputError) return simError(c, error.status, error.code, error.message);
    if (error instanceof SyntaxError) return simError(c, 400, "invalid_json", error.message);
    if (error instanceof Error && error.name === "ZodError") return simError(c, 400, "invalid_input", error.message);
    throw error;
  }
}
