import { sql, type SQL } from "drizzle-orm";
import { softDeleteProducts, writeProducts } from "../catalog/write-products.ts";
import { countStoredEvents } from "../billing/count-stored-events.ts";
import { writeSubscriptionObservations } from "../billing/subscription-rows.ts";
import { writeGrantedScopes, writeUninstalls } from "../lifecycle/write-lifecycle-rows.ts";
import { writePrivacyRequests } from "../privacy/index.ts";
import { writeQuarantine, writeReplayResults } from "../quarantine/index.ts";
import type { IngestPlan } from "./ingest-plan.ts";
import { deliveriesTable, ingestPayloadsTable } from "../../db/schema/index.ts";
import { runStatements } from "../../db/run-statements.ts";
import { renderOnce } from "../../db/render-once.ts";
import { columnsOf } from "../../db/sql-names.ts";
import { jsonChunks, tuples } from "../../db/sql-json.ts";
import { writeEvents } from "./write-events.ts";
import { enrichPurchases, linkCheckoutVisitors, resolveAnonymousEvents, writeLinks } from "./write-identities.ts";
import { markOrdersDeleted, writeCheckouts, writeOrders } from "./write-orders.ts";
import { recomputeProfiles, touchLastSeen, touchLinkedLastSeen, writeCustomers } from "./write-profiles.ts";

const DELIVERY = tuples(["key", "tenantId", "topic", "receivedAt"]);

const RECORD_DELIVERIES = renderOnce<"json">((slot) => {
  const f = DELIVERY.at;
  return sql`
    insert into ${deliveriesTable} ${columnsOf(deliveriesTable, "key", "tenantId", "topic", "receivedAt")}
    select ${f.key}, ${f.tenantId}, ${f.topic}, ${f.receivedAt} from json_each(${slot("json")}) j where true
    on conflict ${columnsOf(deliveriesTable, "key")} do nothing
  `;
});
const DROP_SPILLED = renderOnce<"json">(
  (slot) => sql`delete from ${ingestPayloadsTable} where ${ingestPayloadsTable.id} in (select value from json_each(${slot("json")}))`,
);

function writeDeliveries(plan: IngestPlan): SQL[] {
  const recorded = jsonChunks(DELIVERY.rows(plan.deliveries)).map((json) => RECORD_DELIVERIES({ json }));
  const spilled = jsonChunks(plan.spilledPayloads).map((json) => DROP_SPILLED({ json }));
  return [...recorded, ...spilled];
}

/**
 * The statements for a plan, in dependency order: profiles before the orders and links that look them up, entities
 * before events, the month's event counters before the events they count, events before the updates that enrich or
 * resolve them, orders before the aggregates.
 */
export function ingestStatements(plan: IngestPlan, now: number): SQL[] {
  return [
    ...writeDeliveries(plan),
    ...writeQuarantine(plan.quarantine),
    ...writeReplayResults(plan.replays),
    ...writePrivacyRequests(plan.privacy),
    ...writeUninstalls(plan.uninstalls, now),
    ...writeGrantedScopes(plan.grantedScopes, now),
    ...writeSubscriptionObservations(plan.subscriptionUpdates, now),
    ...writeCustomers(plan.customers, now),
    ...writeProducts(plan.products, now),
    ...softDeleteProducts(plan.productDeletes, now),
    ...writeOrders(plan.orders, now),
    ...markOrdersDeleted(plan.orderDeletes, now),
    ...writeCheckouts(plan.checkouts, now),
    ...writeLinks(plan.links, now),
    ...linkCheckoutVisitors(plan.checkoutTokens, now),
    ...countStoredEvents(plan.events, now),
    ...writeEvents(plan.events),
    ...enrichPurchases(plan.checkoutTokens),
    ...resolveAnonymousEvents(plan.checkoutTokens),
    ...touchLastSeen(plan.visitors),
    ...touchLinkedLastSeen(plan.checkoutTokens),
    ...recomputeProfiles(plan.recompute, now),
  ];
}

/**
 * Writes a plan to the database holding its tenants' data as one D1 batch, i.e. one transaction: a retry after a failure finds nothing half-applied. The plan's
 * `effects` are not run here: the consumer runs them once this has succeeded.
 */
export function writeIngestPlan(args: { ctx: { d1: D1Database }; input: { plan: IngestPlan } }): Promise<void> {
  return runStatements(args.ctx.d1, ingestStatements(args.input.plan, Date.now()));
}
