import { forTenant, type Deps } from "../../context/deps.ts";
import { parseShopifyJson } from "../../shopify/payload/parse-shopify-json.ts";
import { runStatements } from "../../db/run-statements.ts";
import { quarantineRow } from "../quarantine/index.ts";
import { writeQuarantine } from "../quarantine/index.ts";
import { findTenantByShop } from "../tenants/find-tenant.ts";
import { buildPrivacyRequest, type ComplianceTopic } from "./build-privacy-request.ts";
import { queuePrivacyRequest } from "./queue-privacy-request.ts";
import { writePrivacyRequests } from "./write-privacy-requests.ts";

export type ComplianceDelivery = {
  topic: ComplianceTopic;
  shopDomain: string;
  deliveryKey: string;
  body: string;
  headers: Record<string, string>;
  receivedAt: number;
};

/**
 * Records a compliance webhook at once, with or without a live install (shop/redact arrives 48 h after uninstall),
 * and queues its work: the route answers Shopify right away, the privacy queue carries it out. A body that cannot
 * be read is quarantined, never refused.
 */
export async function recordPrivacyRequest(args: { ctx: Deps; input: ComplianceDelivery }): Promise<"recorded" | "quarantined"> {
  const { ctx, input: delivery } = args;
  const tenant = await findTenantByShop({ ctx, input: { shop: delivery.shopDomain } });
  const tenantId = tenant?.id ?? null;
  const parsed = parseShopifyJson(delivery.body);
  const built = parsed.ok ? buildPrivacyRequest({ ...delivery, tenantId, payload: parsed.value }) : parsed;
  if (built.ok) {
    await runStatements(ctx.d1, writePrivacyRequests([built.value]));
    await queuePrivacyRequest({ ctx, input: { requestId: built.value.id } });
    return "recorded";
  }
  const row = quarantineRow({
    tenantId,
    shopDomain: delivery.shopDomain,
    source: "webhook",
    topic: delivery.topic,
    reason: built.error.reason,
    payload: delivery.body,
    headers: delivery.headers,
    receivedAt: delivery.receivedAt,
  });
  // A known tenant's quarantined delivery is its data, on its shard; one of no tenant stays on the control database.
  const on = tenantId ? (await forTenant(ctx, tenantId)).d1 : ctx.d1;
  await runStatements(on, writeQuarantine([row]));
  return "quarantined";
}
