import { sql, type SQL } from "drizzle-orm";
import type { QuarantineRow, ReplayResult } from "./quarantine-row.ts";
import { field, jsonChunks } from "../../db/sql-json.ts";

/** Inserts quarantine rows; ids are fresh per row, so a replay that fails again does not create a second row. */
export function writeQuarantine(rows: readonly QuarantineRow[]): SQL[] {
  return jsonChunks(rows).map((json) =>
    sql`
      insert into quarantine (id, tenant_id, shop_domain, source, topic, reason, payload, headers, received_at)
      select ${field("id")}, ${field("tenantId")}, ${field("shopDomain")}, ${field("source")}, ${field("topic")}, ${field("reason")},
        ${field("payload")}, json(${field("headers")}), ${field("receivedAt")}
      from json_each(${json}) j where true
      on conflict (id) do nothing
    `,
  );
}

/** Records how an operator replay went; the row stays as the audit trail either way. */
export function writeReplayResults(replays: readonly ReplayResult[]): SQL[] {
  return jsonChunks(replays).map((json) =>
    sql`
      update quarantine set replayed_at = done.at, replay_result = done.result
      from (select ${field("quarantineId")} as id, ${field("result")} as result, ${field("at")} as at from json_each(${json}) j) as done
      where quarantine.id = done.id
    `,
  );
}
