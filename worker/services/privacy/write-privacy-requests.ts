import { sql, type SQL } from "drizzle-orm";
import type { PrivacyRow } from "./build-privacy-request.ts";
import { field, jsonChunks } from "../../db/sql-json.ts";

/** Idempotent by id, which is derived from the delivery's webhook id (see buildPrivacyRequest). */
export function writePrivacyRequests(rows: readonly PrivacyRow[]): SQL[] {
  return jsonChunks(rows).map((json) =>
    sql`
      insert into privacy_requests (id, tenant_id, shop_domain, kind, shopify_customer_id, payload, status, received_at, due_at)
      select ${field("id")}, ${field("tenantId")}, ${field("shopDomain")}, ${field("kind")}, ${field("shopifyCustomerId")},
        json(${field("payload")}), 'received', ${field("receivedAt")}, ${field("dueAt")}
      from json_each(${json}) j where true
      on conflict (id) do nothing
    `,
  );
}
