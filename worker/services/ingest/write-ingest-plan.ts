import { sql, type SQL } from "drizzle-orm";
import { softDeleteProducts, writeProducts } from "../catalog/write-products.ts";
import { countStoredEvents } from "../billing/count-stored-events.ts";
import { writeSubscriptionObservations } from "../billing/subscription-rows.ts";
import { cancelJobsOnUninstall, writeGrantedScopes, writeUninstalls } from "../lifecycle/write-lifecycle-rows.ts";
import { writePrivacyRequests } from "../privacy/index.ts";
import { writeQuarantine, writeReplayResults } from "../quarantine/index.ts";
import type { IngestPlan } from "./ingest-plan.ts";
import { deliveriesTable, ingestPayloadsTable } from "../../db/schema/index.ts";
import { runStatements, runTimedStatements } from "../../db/run-statements.ts";
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

/** The control database's part of a plan: privacy requests, tenant lifecycle, billing (docs/storage.md, planes). */
export function controlStatements(plan: IngestPlan, now: number): SQL[] {
  return [
    ...writePrivacyRequests(plan.privacy),
    ...writeUninstalls(plan.uninstalls, now),
    ...writeGrantedScopes(plan.grantedScopes, now),
    ...writeSubscriptionObservations(plan.subscriptionUpdates, now),
  ];
}

/** Spilled webhook bodies (control database) are dropped once the data they carried is written. */
function dropSpilledPayloads(plan: IngestPlan): SQL[] {
  return jsonChunks(plan.spilledPayloads).map((json) => DROP_SPILLED({ json }));
}

/**
 * The data shard's part of a plan, in dependency order: profiles before the orders and links that look them up,
 * entities before events, the month's event counters before the events they count, events before the updates that
 * enrich or resolve them, orders before the aggregates.
 */
export function dataStatements(plan: IngestPlan, now: number): SQL[] {
  return [
    ...jsonChunks(DELIVERY.rows(plan.deliveries)).map((json) => RECORD_DELIVERIES({ json })),
    ...writeQuarantine(plan.quarantine),
    ...writeReplayResults(plan.replays),
    ...cancelJobsOnUninstall(plan.uninstalls, now),
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

/** Where a plan goes: `d1` the shard holding its tenants' data (all on one shard), `control.d1` the control database. */
export type PlanTarget = { d1: D1Database; control: { d1: D1Database } };

/**
 * Writes a plan whose tenants share one shard. On one database (a tenant from before sharding, or none) it is one
 * batch, i.e. one transaction. Across two, the control part goes first and the data part second, each a transaction
 * that a retry can apply again; spilled bodies are dropped last, so a retry still finds them. The plan's `effects`
 * are not run here: the consumer runs them once this has succeeded. Returns D1's own time (ms) of the write on the
 * shard (with the control part when that is the same database), for the consumer's shard write times.
 */
export async function writeIngestPlan(args: { ctx: PlanTarget; input: { plan: IngestPlan } }): Promise<{ shardMs: number }> {
  const { ctx, input } = args;
  const now = Date.now();
  const { plan } = input;
  if (ctx.d1 === ctx.control.d1) {
    return { shardMs: await runTimedStatements(ctx.d1, [...controlStatements(plan, now), ...dataStatements(plan, now), ...dropSpilledPayloads(plan)]) };
  }
  await runStatements(ctx.control.d1, controlStatements(plan, now));
  const shardMs = await runTimedStatements(ctx.d1, dataStatements(plan, now));
  await runStatements(ctx.control.d1, dropSpilledPayloads(plan));
  return { shardMs };
}
