import { sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { eventsTable, identitiesTable, ordersTable, profilesTable } from "../../db/schema/index.ts";
import { renderOnce } from "../../db/render-once.ts";
import { col, columnsOf, excluded } from "../../db/sql-names.ts";
import { newId } from "../../lib/ids.ts";
import type { CustomerRow, IngestPlan } from "./ingest-plan.ts";
import { field, jsonChunks, tuples } from "../../db/sql-json.ts";
import { visited, visitedCheckouts } from "./write-identities.ts";

const NEWER = sql`coalesce(${excluded(profilesTable.sourceUpdatedAt)}, 0) >= coalesce(${profilesTable.sourceUpdatedAt}, 0)`;

// Newer facts win field by field, older ones only fill gaps, and null never erases.
const merge = (column: SQLiteColumn): SQL =>
  sql`${col(column)} = iif(${NEWER}, coalesce(${excluded(column)}, ${column}), coalesce(${column}, ${excluded(column)}))`;

const CUSTOMER = tuples([
  "id", "tenantId", "customerId", "email", "phone", "firstName", "lastName", "countryCode", "tags", "emailMarketingState", "smsMarketingState",
  "sourceUpdatedAt", "createdAt",
], ["tags"]);

const upsertCustomers = (tags: SQL) =>
  renderOnce<"json" | "now">((slot) => {
    const f = CUSTOMER.at;
    return sql`
      insert into ${profilesTable} ${columnsOf(profilesTable,
        "id", "tenantId", "shopifyCustomerId", "email", "phone", "firstName", "lastName", "country", "tags", "emailMarketingState",
        "smsMarketingState", "ordersCount", "totalSpent", "sourceUpdatedAt", "createdAt", "updatedAt")}
      select ${f.id}, ${f.tenantId}, ${f.customerId}, ${f.email}, ${f.phone}, ${f.firstName},
        ${f.lastName}, ${f.countryCode}, coalesce(${f.tags}, '[]'), ${f.emailMarketingState},
        ${f.smsMarketingState}, 0, 0, ${f.sourceUpdatedAt}, coalesce(${f.createdAt}, ${slot("now")}), ${slot("now")}
      from json_each(${slot("json")}) j where true
      on conflict ${columnsOf(profilesTable, "tenantId", "shopifyCustomerId")} do update set
        ${merge(profilesTable.email)}, ${merge(profilesTable.phone)}, ${merge(profilesTable.firstName)}, ${merge(profilesTable.lastName)},
        ${merge(profilesTable.country)}, ${merge(profilesTable.emailMarketingState)}, ${merge(profilesTable.smsMarketingState)}, ${tags},
        ${col(profilesTable.sourceUpdatedAt)} = nullif(max(coalesce(${excluded(profilesTable.sourceUpdatedAt)}, 0), coalesce(${profilesTable.sourceUpdatedAt}, 0)), 0),
        ${col(profilesTable.updatedAt)} = ${slot("now")}
    `;
  });
const UPSERT_WITH_TAGS = upsertCustomers(sql`${col(profilesTable.tags)} = iif(${NEWER}, ${excluded(profilesTable.tags)}, ${profilesTable.tags})`);
const UPSERT_KEEPING_TAGS = upsertCustomers(sql`${col(profilesTable.tags)} = ${profilesTable.tags}`);

/** Profile upserts keyed by Shopify customer id; rows without tags (consent, embedded) leave the tags alone. */
export function writeCustomers(customers: readonly CustomerRow[], now: number): SQL[] {
  const rows = customers.map((customer) => ({ ...customer, id: newId("profile") }));
  const withTags = rows.filter((row) => row.tags !== null);
  const withoutTags = rows.filter((row) => row.tags === null);
  const statements = (subset: typeof rows, upsert: typeof UPSERT_WITH_TAGS) => jsonChunks(CUSTOMER.rows(subset)).map((json) => upsert({ json, now }));
  return [...statements(withTags, UPSERT_WITH_TAGS), ...statements(withoutTags, UPSERT_KEEPING_TAGS)];
}

const o = alias(ordersTable, "o");
const p = alias(profilesTable, "p");
const i = alias(identitiesTable, "i");

// The profiles a batch names (`t`), and their aggregates over live orders in one pass each (`agg`, one row per profile).
const t = alias(profilesTable, "t");
const agg = alias(profilesTable, "agg");
const lo = alias(ordersTable, "lo");

const RECOMPUTE = renderOnce<"json" | "now">((slot) => {
  const json = slot("json");
  const latest = sql`from ${ordersTable} ${o} where ${o.tenantId} = ${profilesTable.tenantId} and ${o.profileId} = ${profilesTable.id} and ${o.cancelledAt} is null`;
  return sql`
    update ${profilesTable} set
      ${col(profilesTable.ordersCount)} = agg.order_count,
      ${col(profilesTable.totalSpent)} = agg.spent,
      ${col(profilesTable.firstOrderAt)} = agg.first_at,
      ${col(profilesTable.lastOrderAt)} = agg.last_at,
      ${col(profilesTable.currency)} = coalesce((select ${o.currency} ${latest} order by ${o.orderedAt} desc limit 1), ${profilesTable.currency}),
      ${col(profilesTable.updatedAt)} = ${slot("now")}
    from (
      select ${t.id}, count(${lo.shopifyOrderId}) as order_count, round(coalesce(sum(${lo.totalPrice} - ${lo.totalRefunded}), 0), 2) as spent,
        min(${lo.orderedAt}) as first_at, max(${lo.orderedAt}) as last_at
      from (
        select ${p.id}, ${p.tenantId} from json_each(${json}) j join ${profilesTable} ${p} on ${p.tenantId} = ${field("t")} and ${p.shopifyCustomerId} = ${field("customerId")}
        union
        select ${o.profileId}, ${o.tenantId} from json_each(${json}) j join ${ordersTable} ${o} on ${o.tenantId} = ${field("t")} and ${o.shopifyOrderId} = ${field("orderId")}
      ) as ${t}
      left join ${ordersTable} ${lo} on ${lo.tenantId} = ${t.tenantId} and ${lo.profileId} = ${t.id} and ${lo.cancelledAt} is null
      group by ${t.id}
    ) as ${agg}
    where ${profilesTable.id} = ${agg.id}
  `;
});

/**
 * Aggregates recomputed from `orders` (cancelled and deleted orders excluded), so replays never inflate them. One scan
 * of a profile's orders gives all four: a subquery per aggregate read them four times, per order a batch brought.
 */
export function recomputeProfiles(targets: IngestPlan["recompute"], now: number): SQL[] {
  return jsonChunks(targets.map((target) => ({ t: target.tenantId, customerId: target.customerId, orderId: target.orderId }))).map((json) =>
    RECOMPUTE({ json, now }),
  );
}

// The profiles a batch saw, with when: rows of `identities` (its `profile_id`) and `at`.
const seen = alias(identitiesTable, "seen");
const e = alias(eventsTable, "e");

const TOUCH_LAST_SEEN = renderOnce<"json">(
  (slot) =>
    sql`
      update ${profilesTable} set ${col(profilesTable.lastSeenAt)} = max(coalesce(${profilesTable.lastSeenAt}, 0), ${seen}.at)
      from (
        select ${i.profileId}, max(${field("at")}) as at from json_each(${slot("json")}) j
        join ${identitiesTable} ${i} on ${i.tenantId} = ${field("t")} and ${i.kind} = 'client_id' and ${i.value} = ${field("clientId")}
        group by ${i.profileId}
      ) as ${seen}
      where ${profilesTable.id} = ${seen.profileId}
    `,
);

/** `last_seen_at` of profiles whose visitors sent pixel events in this batch. */
export function touchLastSeen(visitors: IngestPlan["visitors"]): SQL[] {
  return jsonChunks(visitors.map((visitor) => ({ t: visitor.tenantId, clientId: visitor.clientId, at: visitor.at }))).map((json) => TOUCH_LAST_SEEN({ json }));
}

const TOUCH_LINKED_LAST_SEEN = renderOnce<"json">(
  (slot) =>
    sql`
      update ${profilesTable} set ${col(profilesTable.lastSeenAt)} = max(coalesce(${profilesTable.lastSeenAt}, 0), ${seen}.at)
      from (
        select ${i.profileId}, max(${e.occurredAt}) as at from (${visitedCheckouts(slot("json"))}) as ${visited}
        join ${identitiesTable} ${i} on ${i.tenantId} = ${visited.tenantId} and ${i.kind} = 'client_id' and ${i.value} = ${visited.anonymousId}
        join ${eventsTable} ${e} on ${e.tenantId} = ${visited.tenantId} and ${e.anonymousId} = ${visited.anonymousId} and ${e.source} = 'pixel'
        group by ${i.profileId}
      ) as ${seen}
      where ${profilesTable.id} = ${seen.profileId}
    `,
);

/** A visitor linked in this batch brings its pixel history: the profile was last seen at its latest event. */
export function touchLinkedLastSeen(tokens: IngestPlan["checkoutTokens"]): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) => TOUCH_LINKED_LAST_SEEN({ json }));
}
