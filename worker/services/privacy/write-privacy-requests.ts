import { sql, type SQL } from "drizzle-orm";
import { privacyRequestsTable } from "../../db/schema/index.ts";
import { renderOnce } from "../../db/render-once.ts";
import { columnsOf } from "../../db/sql-names.ts";
import type { PrivacyRow } from "./build-privacy-request.ts";
import { field, jsonChunks } from "../../db/sql-json.ts";

const WRITE_PRIVACY_REQUESTS = renderOnce<"json">(
  (slot) =>
    sql`
      insert into ${privacyRequestsTable} ${columnsOf(privacyRequestsTable,
        "id", "tenantId", "shopDomain", "kind", "shopifyCustomerId", "payload", "status", "receivedAt", "dueAt")}
      select ${field("id")}, ${field("tenantId")}, ${field("shopDomain")}, ${field("kind")}, ${field("shopifyCustomerId")},
        json(${field("payload")}), 'received', ${field("receivedAt")}, ${field("dueAt")}
      from json_each(${slot("json")}) j where true
      on conflict ${columnsOf(privacyRequestsTable, "id")} do nothing
    `,
);

/** Idempotent by id, which is derived from the delivery's webhook id (see buildPrivacyRequest). */
export function writePrivacyRequests(rows: readonly PrivacyRow[]): SQL[] {
  return jsonChunks(rows).map((json) => WRITE_PRIVACY_REQUESTS({ json }));
}
