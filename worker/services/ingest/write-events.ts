import { sql, type SQL } from "drizzle-orm";
import type { PlannedEvent } from "./ingest-plan.ts";
import { field, jsonChunks } from "./sql-json.ts";

// A newer fact replaces an older one of the same business key, and any server source replaces the pixel's;
// the profile, the visitor and a purchase's pixel enrichment are never lost on the way.
const REPLACES = sql.raw(
  "((excluded.source <> 'pixel' and events.source = 'pixel') or ((excluded.source = 'pixel') = (events.source = 'pixel') and coalesce(excluded.source_updated_at, 0) > coalesce(events.source_updated_at, 0)))",
);

/** One set-based upsert per ~800 KB of events, keyed by (`tenant_id`, `dedup_key`). */
export function writeEvents(events: readonly PlannedEvent[]): SQL[] {
  const rows = events.map((event) => ({
    id: event.id,
    t: event.tenantId,
    name: event.name,
    source: event.source,
    occurredAt: event.occurredAt,
    receivedAt: event.receivedAt,
    customerId: event.customerId,
    orderRef: event.orderRef,
    anonymousId: event.anonymousId,
    dedupKey: event.dedupKey,
    sourceUpdatedAt: event.sourceUpdatedAt,
    properties: event.properties,
  }));
  return jsonChunks(rows).map((json) =>
    sql`
      insert into events (id, tenant_id, name, source, occurred_at, received_at, profile_id, anonymous_id, dedup_key, source_updated_at, properties)
      select ${field("id")}, ${field("t")}, ${field("name")}, ${field("source")}, ${field("occurredAt")}, ${field("receivedAt")},
        coalesce(
          (select p.id from profiles p where p.tenant_id = ${field("t")} and p.shopify_customer_id = ${field("customerId")}),
          (select o.profile_id from orders o where o.tenant_id = ${field("t")} and o.shopify_order_id = ${field("orderRef")}),
          (select i.profile_id from identities i where i.tenant_id = ${field("t")} and i.kind = 'client_id' and i.value = ${field("anonymousId")})
        ),
        ${field("anonymousId")}, ${field("dedupKey")}, ${field("sourceUpdatedAt")}, json(${field("properties")})
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
