import { sql, type SQL } from "drizzle-orm";
import type { IngestPlan } from "./ingest-plan.ts";
import { field, jsonChunks, tuples } from "../../db/sql-json.ts";

const LINK = tuples(["tenantId", "kind", "value", "customerId", "linkedBy"]);

/** Checkout/cart token and e-mail links from server-side facts; the first profile an identifier met keeps it. */
export function writeLinks(links: IngestPlan["links"], now: number): SQL[] {
  const f = LINK.at;
  return jsonChunks(LINK.rows(links)).map((json) =>
    sql`
      insert into identities (tenant_id, kind, value, profile_id, linked_by, created_at)
      select ${f.tenantId}, ${f.kind}, ${f.value}, p.id, ${f.linkedBy}, ${now}
      from json_each(${json}) j join profiles p on p.tenant_id = ${f.tenantId} and p.shopify_customer_id = ${f.customerId}
      where true
      on conflict do nothing
    `,
  );
}

// The visitors behind the touched checkouts: on the same token, or on another checkout of the same cart.
export function visitedCheckouts(json: string): SQL {
  const touched = sql`json_each(${json}) j join checkouts k on k.tenant_id = ${field("t")} and k.token = ${field("token")}`;
  return sql`
    select c.tenant_id, c.anonymous_id, k.profile_id, k.token from ${touched}
    join checkouts c on c.tenant_id = k.tenant_id and c.token = k.token
    where c.anonymous_id is not null
    union
    select c.tenant_id, c.anonymous_id, k.profile_id, k.token from ${touched}
    join checkouts c on c.tenant_id = k.tenant_id and c.cart_token = k.cart_token
    where k.cart_token is not null and c.anonymous_id is not null`;
}

/**
 * The identity stitch: a client id that sent pixel events carrying a checkout token is linked to the customer
 * that a server-side fact (the order or checkout webhook) put on that checkout. Never from the pixel's own claims.
 */
export function linkCheckoutVisitors(tokens: IngestPlan["checkoutTokens"], now: number): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) =>
    sql`
      insert into identities (tenant_id, kind, value, profile_id, linked_by, created_at)
      select v.tenant_id, 'client_id', v.anonymous_id, v.profile_id, 'checkout:' || v.token, ${now}
      from (${visitedCheckouts(json)}) as v
      where v.profile_id is not null
      on conflict do nothing
    `,
  );
}

/**
 * Once a visitor is linked, its earlier anonymous events resolve to the profile. Events written later find the
 * link at insert time; D1 runs each batch as one transaction, so no event falls between the two.
 */
export function resolveAnonymousEvents(tokens: IngestPlan["checkoutTokens"]): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) =>
    sql`
      update events set profile_id = linked.profile_id
      from (
        select distinct i.tenant_id, i.value, i.profile_id from (${visitedCheckouts(json)}) as v
        join identities i on i.tenant_id = v.tenant_id and i.kind = 'client_id' and i.value = v.anonymous_id
      ) as linked
      where events.tenant_id = linked.tenant_id and events.anonymous_id = linked.value and events.profile_id is null
    `,
  );
}

/** A held pixel `checkout_completed` lands on the webhook's purchase as soon as both exist, in whichever order. */
export function enrichPurchases(tokens: IngestPlan["checkoutTokens"]): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) =>
    sql`
      update events set
        properties = json_set(events.properties, '$.pixel', json(held.pixel_enrichment)),
        anonymous_id = coalesce(events.anonymous_id, held.anonymous_id)
      from (
        select c.tenant_id, c.shopify_order_id, c.pixel_enrichment, c.anonymous_id from json_each(${json}) j
        join checkouts c on c.tenant_id = ${field("t")} and c.token = ${field("token")}
        where c.shopify_order_id is not null and c.pixel_enrichment is not null
      ) as held
      where events.tenant_id = held.tenant_id and events.dedup_key = 'purchase:' || held.shopify_order_id
    `,
  );
}
