import { sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { eventsTable, identitiesTable, ordersTable, profilesTable } from "../../db/schema/index.ts";
import { renderOnce } from "../../db/render-once.ts";
import { col, columnsOf, excluded } from "../../db/sql-names.ts";
import type { PlannedEvent } from "./ingest-plan.ts";
import { jsonChunks, tuples } from "../../db/sql-json.ts";

// A newer fact replaces an older one of the same business key, and any server source replaces the pixel's;
// the profile, the visitor and a purchase's pixel enrichment are never lost on the way.
const REPLACES = sql`((${excluded(eventsTable.source)} <> 'pixel' and ${eventsTable.source} = 'pixel') or ((${excluded(eventsTable.source)} = 'pixel') = (${eventsTable.source} = 'pixel') and coalesce(${excluded(eventsTable.sourceUpdatedAt)}, 0) > coalesce(${eventsTable.sourceUpdatedAt}, 0)))`;
const replaced = (column: SQLiteColumn) =>
  sql`${col(column)} = iif(${REPLACES}, ${excluded(column)}, ${column})`;

const p = alias(profilesTable, "p");
const o = alias(ordersTable, "o");
const i = alias(identitiesTable, "i");

const EVENT = tuples(["id", "tenantId", "name", "source", "occurredAt", "receivedAt", "customerId", "orderRef", "anonymousId", "dedupKey", "sourceUpdatedAt", "properties"], ["properties"]);

const WRITE_EVENTS = renderOnce<"json">((slot) => {
  const f = EVENT.at;
  return sql`
    insert into ${eventsTable} ${columnsOf(eventsTable,
      "id", "tenantId", "name", "source", "occurredAt", "receivedAt", "profileId", "anonymousId", "dedupKey", "sourceUpdatedAt", "properties")}
    select ${f.id}, ${f.tenantId}, ${f.name}, ${f.source}, ${f.occurredAt}, ${f.receivedAt},
      coalesce(
        iif(${f.customerId} is null, null, (select ${p.id} from ${profilesTable} ${p} where ${p.tenantId} = ${f.tenantId} and ${p.shopifyCustomerId} = ${f.customerId})),
        iif(${f.orderRef} is null, null, (select ${o.profileId} from ${ordersTable} ${o} where ${o.tenantId} = ${f.tenantId} and ${o.shopifyOrderId} = ${f.orderRef})),
        iif(${f.anonymousId} is null, null, (select ${i.profileId} from ${identitiesTable} ${i} where ${i.tenantId} = ${f.tenantId} and ${i.kind} = 'client_id' and ${i.value} = ${f.anonymousId}))
      ),
      ${f.anonymousId}, ${f.dedupKey}, ${f.sourceUpdatedAt}, ${f.properties}
    from json_each(${slot("json")}) j where true
    on conflict ${columnsOf(eventsTable, "tenantId", "dedupKey")} do update set
      ${col(eventsTable.profileId)} = coalesce(${eventsTable.profileId}, ${excluded(eventsTable.profileId)}),
      ${col(eventsTable.anonymousId)} = coalesce(${eventsTable.anonymousId}, ${excluded(eventsTable.anonymousId)}),
      ${replaced(eventsTable.source)},
      ${replaced(eventsTable.occurredAt)},
      ${replaced(eventsTable.sourceUpdatedAt)},
      ${col(eventsTable.properties)} = iif(${REPLACES},
        iif(json_type(${eventsTable.properties}, '$.pixel') is null, ${excluded(eventsTable.properties)},
          json_set(${excluded(eventsTable.properties)}, '$.pixel', json(json_extract(${eventsTable.properties}, '$.pixel')))),
        ${eventsTable.properties})
  `;
});

/**
 * One set-based upsert per ~800 KB of events, keyed by (`tenant_id`, `dedup_key`). The profile is resolved in the
 * same statement, by customer, else by the order's profile, else by the visitor's link; a lookup whose key the
 * event does not carry is skipped.
 */
export function writeEvents(events: readonly PlannedEvent[]): SQL[] {
  const rows = EVENT.rows(events);
  return jsonChunks(rows).map((json) => WRITE_EVENTS({ json }));
}
