import { describe, expect, it } from "vitest";
import appToml from "../../../shopify.app.toml?raw";
import { ALL_TOPICS, DEFAULT_APP_TOPICS, enumToTopic } from "../../../simulator/store/topics.ts";
import { MAPPED_TOPICS } from "../../../worker/services/ingest/map-webhook-topic.ts";
import { DATA_WEBHOOK_TOPICS } from "../../../worker/services/install/ensure-webhook-subscriptions.ts";
import { PLANNED_LIFECYCLE_TOPICS } from "../../../worker/services/lifecycle/plan-lifecycle-topic.ts";
import { COMPLIANCE_TOPICS } from "../../../worker/services/privacy/build-privacy-request.ts";
import { subscribedTopics, WEBHOOK_TOPICS, webhookTopic, type WebhookTopicEntry } from "../../../worker/shopify/webhook-topics.ts";

const HANDLED_BY_KIND: Record<WebhookTopicEntry["kind"], readonly string[]> = {
  data: MAPPED_TOPICS,
  lifecycle: PLANNED_LIFECYCLE_TOPICS,
  compliance: Object.keys(COMPLIANCE_TOPICS),
};
const REGISTRY = Object.entries(WEBHOOK_TOPICS) as [string, WebhookTopicEntry][];

/** `[[webhooks.subscriptions]]` lists of shopify.app.toml, by key (`topics` or `compliance_topics`). */
function tomlSubscriptions(key: "topics" | "compliance_topics"): string[] {
  const lists = [...appToml.matchAll(/^\s*(topics|compliance_topics) = \[([^\]]*)\]/gm)].filter((m) => m[1] === key);
  return lists.flatMap((m) => [...m[2]!.matchAll(/"([^"]+)"/g)].map((q) => q[1]!));
}

describe("webhook topic registry", () => {
  it("gives every subscribed topic a handler of its kind, and no handler to a topic it does not subscribe", () => {
    const handlers = REGISTRY.map(([topic]) => ({ topic, kinds: Object.keys(HANDLED_BY_KIND).filter((kind) => HANDLED_BY_KIND[kind as WebhookTopicEntry["kind"]].includes(topic)) }));
    const expected = REGISTRY.map(([topic, entry]) => ({ topic, kinds: entry.subscribed === "none" ? [] : [entry.kind] }));
    expect(handlers).toEqual(expected);
  });

  it("subscribes every topic a handler table handles", () => {
    const handled = Object.entries(HANDLED_BY_KIND).flatMap(([kind, topics]) => topics.map((topic) => ({ topic, kind })));
    const subscribed = handled.filter(({ topic, kind }) => webhookTopic(topic)?.kind === kind && webhookTopic(topic)?.subscribed !== "none");
    expect(subscribed).toEqual(handled);
  });

  it("has install subscribe exactly its install topics, as WebhookSubscriptionTopic values", () => {
    expect(DATA_WEBHOOK_TOPICS.map(enumToTopic)).toEqual(subscribedTopics("install"));
    expect(DATA_WEBHOOK_TOPICS).toEqual(expect.arrayContaining(["ORDERS_DELETE", "CUSTOMERS_DELETE", "ORDERS_FULFILLED", "ORDERS_PARTIALLY_FULFILLED", "CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE"]));
    expect(DATA_WEBHOOK_TOPICS).not.toContain("APP_SUBSCRIPTIONS_UPDATE");
  });

  it("matches the app-wide subscriptions of shopify.app.toml", () => {
    const appWide = subscribedTopics("app");
    expect(tomlSubscriptions("topics").sort()).toEqual(appWide.filter((topic) => WEBHOOK_TOPICS[topic].kind !== "compliance").sort());
    expect(tomlSubscriptions("compliance_topics").sort()).toEqual(appWide.filter((topic) => WEBHOOK_TOPICS[topic].kind === "compliance").sort());
    expect(tomlSubscriptions("topics")).toContain("app_subscriptions/update");
  });

  it("handles billing's app_subscriptions/update app-wide as a lifecycle topic, and knows no prototype key", () => {
    expect(webhookTopic("app_subscriptions/update")).toEqual({ kind: "lifecycle", subscribed: "app" });
    expect(PLANNED_LIFECYCLE_TOPICS).toContain("app_subscriptions/update");
    expect(webhookTopic("constructor")).toBeUndefined();
  });

  it("can be simulated: the simulator takes every install topic as a subscription and delivers the rest app-wide", () => {
    for (const topic of subscribedTopics("install")) expect(ALL_TOPICS).toContain(topic);
    const delivered = REGISTRY.filter(([, entry]) => entry.kind !== "compliance" && entry.subscribed !== "none").map(([topic]) => topic);
    expect([...DEFAULT_APP_TOPICS].sort()).toEqual(delivered.sort());
  });
});
