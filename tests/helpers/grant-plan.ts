import { env } from "cloudflare:workers";
import type { Plan } from "../../worker/db/schema/index.ts";

/**
 * Puts a tenant on `plan` as an approved Shopify subscription would (an ACTIVE row, no trial): tests of features
 * run on Scale, so plan limits refuse only where a test asks for a smaller plan. Starter writes nothing.
 */
export async function grantPlan(tenantId: string, plan: Plan): Promise<void> {
  if (plan === "starter") return;
  const now = Date.now();
  await env.DB.prepare(
    `insert into billing_subscriptions (tenant_id, shopify_subscription_gid, plan, status, status_at, test, trial_days, created_at, activated_at, updated_at)
     values (?, ?, ?, 'ACTIVE', ?, 1, 0, ?, ?, ?)`,
  )
    .bind(tenantId, `gid://shopify/AppSubscription/granted-${crypto.randomUUID()}`, plan, now, now, now, now)
    .run();
}
