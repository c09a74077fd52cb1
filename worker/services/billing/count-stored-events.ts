import { sql, type SQL } from "drizzle-orm";
import { eventsTable, usageCountersTable } from "../../db/schema/index.ts";
import { jsonChunks } from "../../db/sql-json.ts";
import { usagePeriod } from "./count-usage.ts";
import { col } from "../../db/sql-names.ts";

type CountedEvent = { tenantId: string; source: string; dedupKey: string };

const e = eventsTable;
const u = usageCountersTable;

/**
 * The month's event counters, one upsert for a whole ingest batch, placed before the events are written: an event
 * counts when its business key is not stored yet, so a redelivery or a newer copy of a stored event adds nothing.
 * Backfilled history is not counted against the month.
 */
export function countStoredEvents(events: readonly CountedEvent[], now: number): SQL[] {
  const live = events.filter((event) => event.source !== "backfill").map((event) => [event.tenantId, event.dedupKey]);
  return jsonChunks(live).map(
    (json) => sql`
      insert into ${u} (${col(u.tenantId)}, ${col(u.period)}, ${col(u.events)}, ${col(u.updatedAt)})
      select j.value ->> 0, ${usagePeriod(now)}, count(distinct j.value ->> 1), ${now} from json_each(${json}) j
      where not exists (select 1 from ${e} where ${e.tenantId} = j.value ->> 0 and ${e.dedupKey} = j.value ->> 1)
      group by j.value ->> 0
      on conflict (${col(u.tenantId)}, ${col(u.period)}) do update set
        ${col(u.events)} = ${u.events} + excluded.${col(u.events)}, ${col(u.updatedAt)} = excluded.${col(u.updatedAt)}`,
  );
}
