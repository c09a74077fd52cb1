import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { parseShopifyJson } from "../../shopify/payload/parse-shopify-json.ts";
import { verifyWebhookHmac } from "../../shopify/verify-webhook-hmac.ts";
import { readInput } from "../../http/read-input.ts";

/**
 * Flow signs its requests like webhooks: base64 HMAC-SHA256 of the raw body with the app secret in
 * `X-Shopify-Hmac-Sha256`. Verified before parsing (401 if it does not match); ids past 2^53 keep their digits.
 */
export async function readSignedBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const raw = await c.req.arrayBuffer();
  const { SHOPIFY_API_SECRET, SHOPIFY_API_SECRET_PREVIOUS } = c.get("config");
  const secrets = SHOPIFY_API_SECRET_PREVIOUS ? [SHOPIFY_API_SECRET, SHOPIFY_API_SECRET_PREVIOUS] : [SHOPIFY_API_SECRET];
  if (!(await verifyWebhookHmac(raw, c.req.header("X-Shopify-Hmac-Sha256"), secrets))) {
    throw new AppError("invalid_hmac", "The X-Shopify-Hmac-Sha256 signature does not match the body.");
  }
  const parsed = parseShopifyJson(new TextDecoder().decode(raw));
  if (!parsed.ok) throw new AppError("invalid_json", parsed.error.reason);
  return readInput(schema, parsed.value);
}
