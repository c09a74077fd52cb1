import type { GraphQLResolveInfo } from "graphql";
import { gid, parseId } from "../../lib/ids.ts";
import { isoTime } from "../../lib/time.ts";
import type { WebhookSubscriptionRecord } from "../../types.ts";
import { requireScopes, userError, type GqlContext, type Resolver } from "../context.ts";
import { connection, paginate, type PageArgs } from "../paginate.ts";

function endpoint(uri: string) {
  if (uri.startsWith("pubsub://")) {
    const [project, topic] = uri.slice("pubsub://".length).split(":");
    return { __typename: "WebhookPubSubEndpoint", pubSubProject: project ?? "", pubSubTopic: topic ?? "" };
  }
  if (uri.startsWith("arn:")) return { __typename: "WebhookEventBridgeEndpoint", arn: uri };
  return { __typename: "WebhookHttpEndpoint", callbackUrl: uri };
}

export function subscriptionNode(gql: GqlContext, record: WebhookSubscriptionRecord) {
  return {
    __typename: "WebhookSubscription",
    id: gid("WebhookSubscription", record.id),
    topic: record.topic,
    uri: record.uri,
    format: record.format,
    includeFields: record.includeFields,
    filter: record.filter,
    metafieldNamespaces: record.metafieldNamespaces,
    metafields: record.metafields,
    createdAt: isoTime(record.createdAt),
    updatedAt: isoTime(record.updatedAt),
    apiVersion: { handle: gql.shop.settings.apiVersion, displayName: gql.shop.settings.apiVersion, supported: true },
    endpoint: endpoint(record.uri),
  };
}

function validUri(uri: string): boolean {
  return /^https:\/\/[^/]+/.test(uri) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(uri) || /^pubsub:\/\/[a-z][a-z0-9-]{4,28}[a-z0-9]:[A-Za-z][\w.~+%-]{2,254}$/.test(uri) || uri.startsWith("arn:aws:events:");
}

/** A topic needs read access to its resource, as on Shopify. */
function topicScope(topic: string): string | null {
  if (/^(ORDERS|CHECKOUTS|CARTS|REFUNDS|FULFILLMENT)/.test(topic)) return "read_orders";
  if (/^CUSTOMER/.test(topic)) return "read_customers";
  if (/^(PRODUCTS|INVENTORY|COLLECTIONS)/.test(topic)) return "read_products";
  return null;
}

type SubscriptionInput = {
  uri?: string;
  callbackUrl?: string;
  format?: string;
  includeFields?: string[];
  filter?: string;
  metafieldNamespaces?: string[];
  metafields?: { namespace?: string | null; key: string }[];
};

const metafieldIdentifiers = (metafields: NonNullable<SubscriptionInput["metafields"]>) => metafields.map((m) => ({ namespace: m.namespace ?? "$app", key: m.key }));

export const webhookSubscriptionCreate: Resolver = (_source, args, gql) => {
  const scope = topicScope(String(args.topic));
  if (scope) requireScopes(gql, "webhookSubscriptionCreate", [scope]);
  const input = args.webhookSubscription as SubscriptionInput;
  const uri = input.uri ?? input.callbackUrl ?? "";
  if (!validUri(uri)) return { webhookSubscription: null, userErrors: [userError(["webhookSubscription", "callbackUrl"], "Address is invalid")] };
  const topic = String(args.topic);
  if (gql.shop.webhookSubscriptions.some((sub) => sub.topic === topic && sub.uri === uri)) {
    return { webhookSubscription: null, userErrors: [userError(["webhookSubscription", "callbackUrl"], "Address for this topic has already been taken")] };
  }
  const now = gql.now;
  const record: WebhookSubscriptionRecord = {
    id: String(gql.shop.nextId.misc++),
    topic,
    uri,
    format: input.format ?? "JSON",
    includeFields: input.includeFields ?? [],
    filter: input.filter ?? null,
    metafieldNamespaces: input.metafieldNamespaces ?? [],
    metafields: metafieldIdentifiers(input.metafields ?? []),
    createdAt: now,
    updatedAt: now,
  };
  gql.shop.webhookSubscriptions.push(record);
  return { webhookSubscription: subscriptionNode(gql, record), userErrors: [] };
};

/** Changes what the input gives (address, format, fields, filter, metafields) in place; the rest is kept, as on Shopify. */
export const webhookSubscriptionUpdate: Resolver = (_source, args, gql) => {
  const { id } = parseId(String(args.id));
  const record = gql.shop.webhookSubscriptions.find((sub) => sub.id === id);
  if (!record) return { webhookSubscription: null, userErrors: [userError(["id"], "Webhook subscription does not exist")] };
  const input = args.webhookSubscription as SubscriptionInput;
  const uri = input.uri ?? input.callbackUrl ?? record.uri;
  if (!validUri(uri)) return { webhookSubscription: null, userErrors: [userError(["webhookSubscription", "callbackUrl"], "Address is invalid")] };
  if (uri !== record.uri && gql.shop.webhookSubscriptions.some((sub) => sub.topic === record.topic && sub.uri === uri)) {
    return { webhookSubscription: null, userErrors: [userError(["webhookSubscription", "callbackUrl"], "Address for this topic has already been taken")] };
  }
  Object.assign(record, {
    uri,
    ...(input.format ? { format: input.format } : {}),
    ...(input.includeFields ? { includeFields: input.includeFields } : {}),
    ...(input.filter !== undefined ? { filter: input.filter } : {}),
    ...(input.metafieldNamespaces ? { metafieldNamespaces: input.metafieldNamespaces } : {}),
    ...(input.metafields ? { metafields: metafieldIdentifiers(input.metafields) } : {}),
    updatedAt: gql.now,
  });
  return { webhookSubscription: subscriptionNode(gql, record), userErrors: [] };
};

export const webhookSubscriptionDelete: Resolver = (_source, args, gql) => {
  const { id } = parseId(String(args.id));
  const index = gql.shop.webhookSubscriptions.findIndex((sub) => sub.id === id);
  if (index === -1) return { deletedWebhookSubscriptionId: null, userErrors: [userError(["id"], "Webhook subscription does not exist")] };
  gql.shop.webhookSubscriptions.splice(index, 1);
  return { deletedWebhookSubscriptionId: gid("WebhookSubscription", id), userErrors: [] };
};

export const webhookSubscriptions: Resolver = (_source, args, gql, info: GraphQLResolveInfo) => {
  const topics = args.topics as string[] | undefined;
  const records = gql.shop.webhookSubscriptions.filter(
    (sub) => (!topics || topics.includes(sub.topic)) && (args.uri === undefined || args.uri === null || sub.uri === args.uri),
  );
  const page = paginate(records, (sub) => [Number(sub.id), sub.id], args as PageArgs, gql, info);
  return connection(page, (sub) => subscriptionNode(gql, sub));
};
