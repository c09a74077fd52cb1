import type { TenantContext } from "../../context/deps.ts";
import type { AdminClient } from "../../shopify/admin-graphql.ts";
import { subscribedTopics, topicEnum } from "../../shopify/webhook-topics.ts";
import { adminFailure, userErrorsFailure } from "./admin-failure.ts";
import type { StepOutcome } from "./setup-steps.ts";

/** What install subscribes per shop (the registry's `install` topics), in the enum form `webhookSubscriptionCreate` takes. */
export const DATA_WEBHOOK_TOPICS = subscribedTopics("install").map(topicEnum);

/**
 * The shape of the subscriptions this code makes, stored per tenant (`tenants.webhooks_revision`). 1: products/*
 * carry the SEO metafields. A change to what a subscription asks for raises it, with a migration setting rows lower.
 */
export const WEBHOOKS_REVISION = 1;

const LIST = `#graphql
query ExistingSubscriptions { webhookSubscriptions(first: 100) { nodes { id topic uri metafields { namespace key } } } }`;

const CREATE = `#graphql
mutation Subscribe($topic: WebhookSubscriptionTopic!, $uri: String!, $metafields: [HasMetafieldsMetafieldIdentifierInput!]) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON, metafields: $metafields }) {
    webhookSubscription { id }
    userErrors { field message }
  }
}`;

const UPDATE = `#graphql
mutation UpdateSubscription($id: ID!, $uri: String!, $metafields: [HasMetafieldsMetafieldIdentifierInput!]) {
  webhookSubscriptionUpdate(id: $id, webhookSubscription: { uri: $uri, metafields: $metafields }) {
    webhookSubscription { id }
    userErrors { field message }
  }
}`;

type Identifier = { namespace: string; key: string };
type Existing = { id: string; topic: string; uri: string; metafields: Identifier[] };

// Shopify keeps a product's SEO title and meta description as these metafields; the payload then carries them.
const SEO_METAFIELDS: Identifier[] = [
  { namespace: "global", key: "title_tag" },
  { namespace: "global", key: "description_tag" },
];
const PAYLOAD_METAFIELDS: Record<string, Identifier[]> = { PRODUCTS_CREATE: SEO_METAFIELDS, PRODUCTS_UPDATE: SEO_METAFIELDS };

const missingFrom = (have: Identifier[], want: Identifier[]) => want.filter((m) => !have.some((h) => h.namespace === m.namespace && h.key === m.key));

/**
 * Makes the shop's subscriptions to this deployment's address what SegOps needs: the missing data topics are
 * created, and an existing one lacking payload metafields (made before they were asked for) is updated to carry
 * them, keeping those it has. Running it again changes nothing.
 */
export async function ensureWebhookSubscriptions(args: { ctx: Pick<TenantContext, "config"> & { admin: AdminClient } }): Promise<StepOutcome> {
  const { ctx } = args;
  const uri = ctx.config.WEBHOOK_PUBSUB_URI ?? `${ctx.config.SHOPIFY_APP_URL.replace(/\/$/, "")}/webhooks`;
  const existing = await ctx.admin.request<{ webhookSubscriptions: { nodes: Existing[] } }>(LIST);
  if (!existing.ok) return adminFailure("Listing webhook subscriptions", existing.error);
  const ours = new Map(existing.value.webhookSubscriptions.nodes.filter((s) => s.uri === uri).map((s) => [s.topic, s]));
  let [created, updated] = [0, 0];
  for (const topic of DATA_WEBHOOK_TOPICS) {
    const want = PAYLOAD_METAFIELDS[topic] ?? [];
    const have = ours.get(topic);
    if (have && missingFrom(have.metafields, want).length === 0) continue;
    if (have) {
      const result = await ctx.admin.request<{ webhookSubscriptionUpdate: { userErrors: { message: string }[] } }>(UPDATE, {
        id: have.id,
        uri,
        metafields: [...have.metafields, ...missingFrom(have.metafields, want)],
      });
      if (!result.ok) return adminFailure(`Updating ${topic}`, result.error);
      if (result.value.webhookSubscriptionUpdate.userErrors.length > 0) return userErrorsFailure(`Updating ${topic}`, result.value.webhookSubscriptionUpdate.userErrors);
      updated++;
      continue;
    }
    const result = await ctx.admin.request<{ webhookSubscriptionCreate: { userErrors: { message: string }[] } }>(CREATE, { topic, uri, metafields: want.length > 0 ? want : null });
    if (!result.ok) return adminFailure(`Subscribing ${topic}`, result.error);
    const errors = result.value.webhookSubscriptionCreate.userErrors.filter((e) => !/already been taken/i.test(e.message));
    if (errors.length > 0) return userErrorsFailure(`Subscribing ${topic}`, errors);
    created++;
  }
  const changes = updated > 0 ? `${created} new, ${updated} updated` : `${created} new`;
  return { ok: true, detail: `${DATA_WEBHOOK_TOPICS.length} topics delivered to ${uri.startsWith("pubsub://") ? "Pub/Sub" : "HTTPS"} (${changes})` };
}
