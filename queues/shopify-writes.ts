import { createAdminContext } from "../worker/context/admin-context.ts";
import type { Deps } from "../worker/context/deps.ts";
import { fireFlowTrigger } from "../worker/services/flow/fire-flow-trigger.ts";
import { fireMembershipTriggers } from "../worker/services/flow/fire-membership-triggers.ts";
import { pushSegment } from "../worker/services/segments/push/push-segment.ts";
import { pushMetafields } from "../worker/services/catalog/metafields/push-metafields.ts";
import { pushCatalogProducts } from "../worker/services/catalog/outbound/push-catalog-products.ts";
import { ShopifyWriteMessageSchema, type ShopifyWriteMessage } from "./messages.ts";
import { erasedTenantsOf, isErased } from "./drop-erased.ts";
import { runMessages, type BatchOutcome } from "./run-messages.ts";

// Bounded work per message (25 mutations per GraphQL call): longer diffs continue in a follow-up message.
const CALLS_PER_MESSAGE = 8;
const BUSY_DELAY_SECONDS = 30;
// A metafield push run mostly waits on Shopify's bucket; its continuation message carries on past this.
const PUSH_BUDGET_MS = 45_000;

type Send = (next: ShopifyWriteMessage, delaySeconds?: number) => Promise<unknown>;
type Handled<T extends ShopifyWriteMessage["type"]> = Extract<ShopifyWriteMessage, { type: T }>;

/** Every message type has its case below (the typecheck fails otherwise); `runMessages` dead-letters any other type. */
export async function consumeShopifyWrites(batch: MessageBatch<unknown>, deps: Deps): Promise<BatchOutcome> {
  const send: Send = (next, delaySeconds = 0) => deps.env.SHOPIFY_WRITES_QUEUE.send(next, { delaySeconds });
  const erased = await erasedTenantsOf(batch, deps);
  return runMessages(batch, ShopifyWriteMessageSchema, deps, async (body, message) => {
    if (!isErased(erased, body, deps)) await handle(body, message, deps, send);
  });
}

function handle(body: ShopifyWriteMessage, message: Message<unknown>, deps: Deps, send: Send): Promise<void> {
  switch (body.type) {
    case "segment_push":
      return pushSegmentRun(body, message, deps, send);
    case "segment_flow_triggers":
      return fireMembershipTriggerRun(body, deps, send);
    case "flow_trigger":
      return fireFlowTriggerOnce(body, deps);
    case "metafield_push":
      return pushMetafieldsRun(body, message, deps, send);
    case "product_push":
      return pushCatalogProductsOnce(body, deps);
  }
}

async function pushCatalogProductsOnce(body: Handled<"product_push">, deps: Deps): Promise<void> {
  const pushed = await pushCatalogProducts({ ctx: createAdminContext(deps, body.tenantId), input: { productIds: body.productIds, requestedAt: body.requestedAt, now: Date.now() } });
  if (!pushed.ok) throw new Error(pushed.error.message);
  if (pushed.value.failed > 0) deps.log.warn("products refused by Shopify", { tenant: body.tenantId, ...pushed.value });
}

async function pushMetafieldsRun(body: Handled<"metafield_push">, message: Message<unknown>, deps: Deps, send: Send): Promise<void> {
  const ctx = createAdminContext(deps, body.tenantId);
  const run = await pushMetafields({ ctx, input: { jobId: body.jobId, holder: message.id, now: Date.now(), budgetMs: PUSH_BUDGET_MS } });
  if (run.outcome === "retry") throw new Error(run.message);
  if (run.outcome === "continue") await send(body);
  if (run.outcome === "busy") await send(body, BUSY_DELAY_SECONDS);
}

async function pushSegmentRun(body: Handled<"segment_push">, message: Message<unknown>, deps: Deps, send: Send): Promise<void> {
  const ctx = createAdminContext(deps, body.tenantId);
  const input = { segmentId: body.segmentId, holder: message.id, totals: body.totals, now: Date.now(), maxCalls: CALLS_PER_MESSAGE };
  const run = await pushSegment({ ctx, input });
  if (run.outcome === "retry") throw new Error(run.message);
  if (run.outcome === "continue") await send({ ...body, totals: run.totals });
  if (run.outcome === "busy") await send(body, BUSY_DELAY_SECONDS);
}

async function fireMembershipTriggerRun(body: Handled<"segment_flow_triggers">, deps: Deps, send: Send): Promise<void> {
  const ctx = createAdminContext(deps, body.tenantId);
  const fired = await fireMembershipTriggers({ ctx, input: { ...body, maxCalls: CALLS_PER_MESSAGE } });
  if (fired.ok) {
    if (fired.value.failed > 0) deps.log.warn("flow triggers refused", { tenant: body.tenantId, failed: fired.value.failed });
    if (fired.value.next !== null) await send({ ...body, after: fired.value.next });
    return;
  }
  // Triggers already fired in this message must not fire again: resume after them instead of retrying it.
  if (!fired.error.progressed) throw new Error(fired.error.message);
  await send({ ...body, after: fired.error.next }, BUSY_DELAY_SECONDS);
}

async function fireFlowTriggerOnce(body: Handled<"flow_trigger">, deps: Deps): Promise<void> {
  const fired = await fireFlowTrigger({ ctx: createAdminContext(deps, body.tenantId), input: body });
  if (!fired.ok) throw new Error(fired.error.message);
  if (fired.value.userErrors.length > 0) deps.log.warn("flow trigger refused", { tenant: body.tenantId, errors: fired.value.userErrors });
}
