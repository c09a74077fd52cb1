import { sql, type Placeholder, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { checkoutsTable, eventsTable, identitiesTable, profilesTable } from "../../db/schema/index.ts";
import { renderOnce } from "../../db/render-once.ts";
import { col, columnsOf } from "../../db/sql-names.ts";
import type { IngestPlan } from "./ingest-plan.ts";
import { field, jsonChunks, tuples } from "../../db/sql-json.ts";

const p = alias(profilesTable, "p");
const c = alias(checkoutsTable, "c");
const k = alias(checkoutsTable, "k");
const i = alias(identitiesTable, "i");
const IDENTITY_COLUMNS = columnsOf(identitiesTable, "tenantId", "kind", "value", "profileId", "linkedBy", "createdAt");

const LINK = tuples(["tenantId", "kind", "value", "customerId", "linkedBy"]);

const WRITE_LINKS = renderOnce<"json" | "now">((slot) => {
  const f = LINK.at;
  return sql`
    insert into ${identitiesTable} ${IDENTITY_COLUMNS}
    select ${f.tenantId}, ${f.kind}, ${f.value}, ${p.id}, ${f.linkedBy}, ${slot("now")}
    from json_each(${slot("json")}) j join ${profilesTable} ${p} on ${p.tenantId} = ${f.tenantId} and ${p.shopifyCustomerId} = ${f.customerId}
    where true
    on conflict do nothing
  `;
});

/** Checkout/cart token and e-mail links from server-side facts; the first profile an identifier met keeps it. */
export function writeLinks(links: IngestPlan["links"], now: number): SQL[] {
  return jsonChunks(LINK.rows(links)).map((json) => WRITE_LINKS({ json, now }));
}

/** A row of `visitedCheckouts`, named `v`: checkout columns (`tenant_id`, `anonymous_id`, `profile_id`, `token`). */
export const visited = alias(checkoutsTable, "v");

// The visitors behind the touched checkouts: on the same token, or on another checkout of the same cart.
export function visitedCheckouts(json: Placeholder): SQL {
  const touched = sql`json_each(${json}) j join ${checkoutsTable} ${k} on ${k.tenantId} = ${field("t")} and ${k.token} = ${field("token")}`;
  return sql`
    select ${c.tenantId}, ${c.anonymousId}, ${k.profileId}, ${k.token} from ${touched}
    join ${checkoutsTable} ${c} on ${c.tenantId} = ${k.tenantId} and ${c.token} = ${k.token}
    where ${c.anonymousId} is not null
    union
    select ${c.tenantId}, ${c.anonymousId}, ${k.profileId}, ${k.token} from ${touched}
    join ${checkoutsTable} ${c} on ${c.tenantId} = ${k.tenantId} and ${c.cartToken} = ${k.cartToken}
    where ${k.cartToken} is not null and ${c.anonymousId} is not null`;
}

const LINK_CHECKOUT_VISITORS = renderOnce<"json" | "now">(
  (slot) =>
    sql`
      insert into ${identitiesTable} ${IDENTITY_COLUMNS}
      select ${visited.tenantId}, 'client_id', ${visited.anonymousId}, ${visited.profileId}, 'checkout:' || ${visited.token}, ${slot("now")}
      from (${visitedCheckouts(slot("json"))}) as ${visited}
      where ${visited.profileId} is not null
      on conflict do nothing
    `,
);

/**
 * The identity stitch: a client id that sent pixel events carrying a checkout token is linked to the customer
 * that a server-side fact (the order or checkout webhook) put on that checkout. Never from the pixel's own claims.
 */
export function linkCheckoutVisitors(tokens: IngestPlan["checkoutTokens"], now: number): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) => LINK_CHECKOUT_VISITORS({ json, now }));
}

const linked = alias(identitiesTable, "linked");

const RESOLVE_ANONYMOUS_EVENTS = renderOnce<"json">(
  (slot) =>
    sql`
      update ${eventsTable} set ${col(eventsTable.profileId)} = ${linked.profileId}
      from (
        select distinct ${i.tenantId}, ${i.value}, ${i.profileId} from (${visitedCheckouts(slot("json"))}) as ${visited}
        join ${identitiesTable} ${i} on ${i.tenantId} = ${visited.tenantId} and ${i.kind} = 'client_id' and ${i.value} = ${visited.anonymousId}
      ) as ${linked}
      where ${eventsTable.tenantId} = ${linked.tenantId} and ${eventsTable.anonymousId} = ${linked.value} and ${eventsTable.profileId} is null
    `,
);

/**
 * Once a visitor is linked, its earlier anonymous events resolve to the profile. Events written later find the
 * link at insert time; D1 runs each batch as one transaction, so no event falls between the two.
 */
export function resolveAnonymousEvents(tokens: IngestPlan["checkoutTokens"]): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) => RESOLVE_ANONYMOUS_EVENTS({ json }));
}

const held = alias(checkoutsTable, "held");

const ENRICH_PURCHASES = renderOnce<"json">(
  (slot) =>
    sql`
      update ${eventsTable} set
        ${col(eventsTable.properties)} = json_set(${eventsTable.properties}, '$.pixel', json(${held.pixelEnrichment})),
        ${col(eventsTable.anonymousId)} = coalesce(${eventsTable.anonymousId}, ${held.anonymousId})
      from (
        select ${c.tenantId}, ${c.shopifyOrderId}, ${c.pixelEnrichment}, ${c.anonymousId} from json_each(${slot("json")}) j
        join ${checkoutsTable} ${c} on ${c.tenantId} = ${field("t")} and ${c.token} = ${field("token")}
        where ${c.shopifyOrderId} is not null and ${c.pixelEnrichment} is not null
      ) as ${held}
      where ${eventsTable.tenantId} = ${held.tenantId} and ${eventsTable.dedupKey} = 'purchase:' || ${held.shopifyOrderId}
    `,
);

/** A held pixel `checkout_completed` lands on the webhook's purchase as soon as both exist, in whichever order. */
export function enrichPurchases(tokens: IngestPlan["checkoutTokens"]): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) => ENRICH_PURCHASES({ json }));
}
