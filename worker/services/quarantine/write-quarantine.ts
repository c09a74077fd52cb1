import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { quarantineTable } from "../../db/schema/index.ts";
import { renderOnce } from "../../db/render-once.ts";
import { col, columnsOf } from "../../db/sql-names.ts";
import type { QuarantineRow, ReplayResult } from "./quarantine-row.ts";
import { field, jsonChunks } from "../../db/sql-json.ts";

const WRITE_QUARANTINE = renderOnce<"json">(
  (slot) =>
    sql`
      insert into ${quarantineTable} ${columnsOf(quarantineTable, "id", "tenantId", "shopDomain", "source", "topic", "reason", "payload", "headers", "receivedAt")}
      select ${field("id")}, ${field("tenantId")}, ${field("shopDomain")}, ${field("source")}, ${field("topic")}, ${field("reason")},
        ${field("payload")}, json(${field("headers")}), ${field("receivedAt")}
      from json_each(${slot("json")}) j where true
      on conflict ${columnsOf(quarantineTable, "id")} do nothing
    `,
);

/** Inserts quarantine rows; ids are fresh per row, so a replay that fails again does not create a second row. */
export function writeQuarantine(rows: readonly QuarantineRow[]): SQL[] {
  return jsonChunks(rows).map((json) => WRITE_QUARANTINE({ json }));
}

// The replays being recorded, named `done`: the row (`id`), its `replay_result` and when (`at`).
const done = alias(quarantineTable, "done");

const WRITE_REPLAY_RESULTS = renderOnce<"json">(
  (slot) =>
    sql`
      update ${quarantineTable} set ${col(quarantineTable.replayedAt)} = ${done}.at, ${col(quarantineTable.replayResult)} = ${done.replayResult}
      from (select ${field("quarantineId")} as ${col(done.id)}, ${field("result")} as ${col(done.replayResult)}, ${field("at")} as at from json_each(${slot("json")}) j) as ${done}
      where ${quarantineTable.id} = ${done.id}
    `,
);

/** Records how an operator replay went; the row stays as the audit trail either way. */
export function writeReplayResults(replays: readonly ReplayResult[]): SQL[] {
  return jsonChunks(replays).map((json) => WRITE_REPLAY_RESULTS({ json }));
}
