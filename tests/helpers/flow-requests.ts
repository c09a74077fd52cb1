import { appFetch } from "./harness.ts";
import { signWebhook } from "./webhook-requests.ts";

/** POSTs a body to /flow/... signed as Flow signs it (base64 HMAC-SHA256 with the app secret), or with `hmac` as given. */
export async function flowPost(path: string, body: unknown, options: { hmac?: string } = {}): Promise<Response> {
  const text = JSON.stringify(body);
  const hmac = options.hmac ?? (await signWebhook(text));
  return appFetch(`/flow${path}`, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": hmac }, body: text });
}

export const lifecycleBody = (shop: string, handle: string, enabled: boolean, timestamp = new Date().toISOString()) => ({
  flow_trigger_definition_id: handle,
  has_enabled_flow: enabled,
  shop_id: 1,
  shopify_domain: shop,
  timestamp,
});

export const actionBody = (shop: string, handle: string, properties: Record<string, unknown>, actionRunId = crypto.randomUUID()) => ({
  shop_id: 1,
  shopify_domain: shop,
  action_run_id: actionRunId,
  action_definition_id: handle,
  handle,
  properties,
});
