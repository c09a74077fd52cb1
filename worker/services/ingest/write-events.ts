import { sql, type SQL } from "drizzle-orm";
import type { PlannedEvent } from "./ingest-plan.ts";
import { jsonChunks, tuples } from "../../db/sql-json.ts";

// A newer fact replaces an older one of the same business key, and any server source replaces the pixel's;
// the profile, the visitor and a purchase's pixel enrichment are never lost on the way.
const REPLACES = sql.raw(
  "((excluded.source <> 'pixel' and events.source = 'pixel') or ((excluded.source = 'pixel') = (events.source = 'pixel') and coalesce(excluded.source_updated_at, 0) > coalesce(events.source_updated_at, 0)))",
);

const EVENT = tuples(["id", "tenantId", "name", "source", "occurredAt", "receivedAt", "customerId", "orderRef", "anonymousId", "dedupKey", "sourceUpdatedAt", "properties"], ["properties"]);

/**
 * One set-based upsert per ~800 KB of events, keyed by (`tenant_id`, `dedup_key`). The profile is resolved in the
 * same statement, by customer, else by the order's profile, else by the visitor's link; a lookup whose key the
 * event does not carry is skipped.
 */
export function writeEvents(events: readonly PlannedEvent[]): SQL[] {
  const f = EVENT.at;
  const rows = EVENT.rows(events);
  return jsonChunks(rows).map((json) =>
    sql`
      insert into events (id, tenant_id, name, source, occurred_at, received_at, profile_id, anonymous_id, dedup_key, source_updated_at, properties)
      select ${f.id}, ${f.tenantId}, ${f.name}, ${f.source}, ${f.occurredAt}, ${f.receivedAt},
        coalesce(
          iif(${f.customerId} is null, null, (select p.id from profiles p where p.tenant_id = ${f.tenantId} and p.shopify_customer_id = ${f.customerId})),
          iif(${f.orderRef} is null, null, (select o.profile_id from orders o where o.tenant_id = ${f.tenantId} and o.shopify_order_id = ${f.orderRef})),
          iif(${f.anonymousId} is null, null, (select i.profile_id from identities i where i.tenant_id = ${f.tenantId} and i.kind = 'client_id' and i.value = ${f.anonymousId}))
        ),
        ${f.anonymousId}, ${f.dedupKey}, ${f.sourceUpdatedAt}, ${f.properties}
      from json_each(${json}) j where true
      on conflict (tenant_id, dedup_key) do update set
        profile_id = coalesce(events.profile_id, excluded.profile_id),
        anonymous_id = coalesce(events.anonymous_id, excluded.anonymous_id),
        source = iif(${REPLACES}, excluded.source, events.source),
        occurred_at = iif(${REPLACES}, excluded.occurred_at, events.occurred_at),
        source_updated_at = iif(${REPLACES}, excluded.source_updated_at, events.source_updated_at),
        properties = iif(${REPLACES},
          iif(json_type(events.properties, '$.pixel') is null, excluded.properties,
            json_set(excluded.properties, '$.pixel', json(json_extract(events.properties, '$.pixel')))),
          events.properties)
    `,
  );
}
