import { sql, type SQL } from "drizzle-orm";
import { newId } from "../../lib/ids.ts";
import type { CustomerRow, IngestPlan } from "./ingest-plan.ts";
import { field, jsonChunks, tuples } from "../../db/sql-json.ts";
import { visitedCheckouts } from "./write-identities.ts";

const NEWER = "coalesce(excluded.source_updated_at, 0) >= coalesce(profiles.source_updated_at, 0)";

// Newer facts win field by field, older ones only fill gaps, and null never erases.
const merge = (column: string): SQL =>
  sql.raw(`${column} = iif(${NEWER}, coalesce(excluded.${column}, profiles.${column}), coalesce(profiles.${column}, excluded.${column}))`);

const CUSTOMER = tuples([
  "id", "tenantId", "customerId", "email", "phone", "firstName", "lastName", "countryCode", "tags", "emailMarketingState", "smsMarketingState",
  "sourceUpdatedAt", "createdAt",
], ["tags"]);

/** Profile upserts keyed by Shopify customer id; rows without tags (consent, embedded) leave the tags alone. */
export function writeCustomers(customers: readonly CustomerRow[], now: number): SQL[] {
  const f = CUSTOMER.at;
  const rows = customers.map((customer) => ({ ...customer, id: newId("profile") }));
  const withTags = rows.filter((row) => row.tags !== null);
  const withoutTags = rows.filter((row) => row.tags === null);
  const statements = (subset: typeof rows, tags: SQL) =>
    jsonChunks(CUSTOMER.rows(subset)).map((json) =>
      sql`
        insert into profiles (id, tenant_id, shopify_customer_id, email, phone, first_name, last_name, country, tags,
          email_marketing_state, sms_marketing_state, orders_count, total_spent, source_updated_at, created_at, updated_at)
        select ${f.id}, ${f.tenantId}, ${f.customerId}, ${f.email}, ${f.phone}, ${f.firstName},
          ${f.lastName}, ${f.countryCode}, coalesce(${f.tags}, '[]'), ${f.emailMarketingState},
          ${f.smsMarketingState}, 0, 0, ${f.sourceUpdatedAt}, coalesce(${f.createdAt}, ${now}), ${now}
        from json_each(${json}) j where true
        on conflict (tenant_id, shopify_customer_id) do update set
          ${merge("email")}, ${merge("phone")}, ${merge("first_name")}, ${merge("last_name")}, ${merge("country")},
          ${merge("email_marketing_state")}, ${merge("sms_marketing_state")}, ${tags},
          source_updated_at = nullif(max(coalesce(excluded.source_updated_at, 0), coalesce(profiles.source_updated_at, 0)), 0),
          updated_at = ${now}
      `,
    );
  return [
    ...statements(withTags, sql.raw(`tags = iif(${NEWER}, excluded.tags, profiles.tags)`)),
    ...statements(withoutTags, sql.raw("tags = profiles.tags")),
  ];
}

/** Aggregates recomputed from `orders` (cancelled and deleted orders excluded), so replays never inflate them. */
export function recomputeProfiles(targets: IngestPlan["recompute"], now: number): SQL[] {
  const orders = "from orders o where o.tenant_id = profiles.tenant_id and o.profile_id = profiles.id and o.cancelled_at is null";
  return jsonChunks(targets.map((target) => ({ t: target.tenantId, customerId: target.customerId, orderId: target.orderId }))).map((json) =>
    sql`
      update profiles set
        orders_count = (select count(*) ${sql.raw(orders)}),
        total_spent = (select round(coalesce(sum(o.total_price - o.total_refunded), 0), 2) ${sql.raw(orders)}),
        first_order_at = (select min(o.ordered_at) ${sql.raw(orders)}),
        last_order_at = (select max(o.ordered_at) ${sql.raw(orders)}),
        currency = coalesce((select o.currency ${sql.raw(orders)} order by o.ordered_at desc limit 1), profiles.currency),
        updated_at = ${now}
      where profiles.id in (
        select p.id from json_each(${json}) j join profiles p on p.tenant_id = ${field("t")} and p.shopify_customer_id = ${field("customerId")}
        union
        select o.profile_id from json_each(${json}) j join orders o on o.tenant_id = ${field("t")} and o.shopify_order_id = ${field("orderId")}
      )
    `,
  );
}

/** `last_seen_at` of profiles whose visitors sent pixel events in this batch. */
export function touchLastSeen(visitors: IngestPlan["visitors"]): SQL[] {
  return jsonChunks(visitors.map((visitor) => ({ t: visitor.tenantId, clientId: visitor.clientId, at: visitor.at }))).map((json) =>
    sql`
      update profiles set last_seen_at = max(coalesce(profiles.last_seen_at, 0), seen.at)
      from (
        select i.profile_id, max(${field("at")}) as at from json_each(${json}) j
        join identities i on i.tenant_id = ${field("t")} and i.kind = 'client_id' and i.value = ${field("clientId")}
        group by i.profile_id
      ) as seen
      where profiles.id = seen.profile_id
    `,
  );
}

/** A visitor linked in this batch brings its pixel history: the profile was last seen at its latest event. */
export function touchLinkedLastSeen(tokens: IngestPlan["checkoutTokens"]): SQL[] {
  return jsonChunks(tokens.map((row) => ({ t: row.tenantId, token: row.token }))).map((json) =>
    sql`
      update profiles set last_seen_at = max(coalesce(profiles.last_seen_at, 0), seen.at)
      from (
        select i.profile_id, max(e.occurred_at) as at from (${visitedCheckouts(json)}) as v
        join identities i on i.tenant_id = v.tenant_id and i.kind = 'client_id' and i.value = v.anonymous_id
        join events e on e.tenant_id = v.tenant_id and e.anonymous_id = v.anonymous_id and e.source = 'pixel'
        group by i.profile_id
      ) as seen
      where profiles.id = seen.profile_id
    `,
  );
}
