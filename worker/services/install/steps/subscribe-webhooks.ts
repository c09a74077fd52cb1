import { subscribedTopics, topicEnum } from "../../../shopify/webhook-topics.ts";
import type { SetupStepRun } from "../setup-steps.ts";
import { adminFailure, userErrorsFailure } from "../admin-failure.ts";

/** What install subscribes per shop (the registry's `install` topics), in the enum form `webhookSubscriptionCreate` takes. */
export const DATA_WEBHOOK_TOPICS = subscribedTopics("install").map(topicEnum);

const LIST = `#graphql
query ExistingSubscriptions { webhookSubscriptions(first: 100) { nodes { topic uri } } }`;

const CREATE = `#graphql
mutation Subscribe($topic: WebhookSubscriptionTopic!, $uri: String!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
    webhookSubscription { id }
    userErrors { field message }
  }
}`;

/** Subscribes the data topics to this deployment's address (HTTPS, or Pub/Sub when configured); existing ones are left alone. */
export const subscribeWebhooks: SetupStepRun = async ({ ctx }) => {
  const uri = ctx.config.WEBHOOK_PUBSUB_URI ?? `${ctx.config.SHOPIFY_APP_URL.replace(/\/$/, "")}/webhooks`;
  const existing = await ctx.admin.request<{ webhookSubscriptions: { nodes: { topic: string; uri: string }[] } }>(LIST);
  if (!existing.ok) return adminFailure("Listing webhook subscriptions", existing.error);
  const have = new Set(existing.value.webhookSubscriptions.nodes.filter((s) => s.uri === uri).map((s) => s.topic));
  let created = 0;
  for (const topic of DATA_WEBHOOK_TOPICS.filter((t) => !have.has(t))) {
    const result = await ctx.admin.request<{ webhookSubscriptionCreate: { userErrors: { message: string }[] } }>(CREATE, { topic, uri });
    if (!result.ok) return adminFailure(`Subscribing ${topic}`, result.error);
    const errors = result.value.webhookSubscriptionCreate.userErrors.filter((e) => !/already been taken/i.test(e.message));
    if (errors.length > 0) return userErrorsFailure(`Subscribing ${topic}`, errors);
    created++;
  }
  return { ok: true, detail: `${DATA_WEBHOOK_TOPICS.length} topics delivered to ${uri.startsWith("pubsub://") ? "Pub/Sub" : "HTTPS"} (${created} new)` };
};
