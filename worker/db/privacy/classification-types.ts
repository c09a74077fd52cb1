import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * What a column can hold, for privacy:
 * - `none`: nothing about a person (ids of our own rows, times, statuses, settings, counts);
 * - `merchant`: identifies the shop or its credentials (domain, name, tokens), erased by shop/redact;
 * - `link`: an identifier that points at a customer (Shopify customer or order id, profile id, checkout or cart
 *   token, visitor id, a dedup key built from them);
 * - `personal`: customer personal data itself (e-mail, phone, names, country, tags, consent, purchases);
 * - `free`: text or JSON that may hold whatever a source sent (raw bodies, event properties, answers).
 */
export type ColumnData = "none" | "merchant" | "link" | "personal" | "free";

/**
 * The customers/redact steps, in this order (`worker/services/privacy/redact/`). A table or storage whose customer
 * data is erased names the step that does it; a test checks every step is named and every named step exists.
 */
export const CUSTOMER_REDACT_STEPS = [
  "events",
  "event_archive",
  "checkouts",
  "orders",
  "memberships",
  "segment_tags",
  "segment_push_errors",
  "flow_runs",
  "raw_bodies",
  "tenant_object",
  "data_requests",
  "identities",
  "profile",
] as const;
export type CustomerRedactStep = (typeof CUSTOMER_REDACT_STEPS)[number];

export type CustomerRedaction =
  | { action: "delete_rows"; step: CustomerRedactStep; how: string }
  | { action: "anonymise"; step: CustomerRedactStep; how: string }
  | { action: "keep"; why: string };

/**
 * What shop/redact does to a table: delete every row matched by the tenant's id (`byTenant`) or its shop domain
 * (`byShop`); `scrub` and `keep` are done by named code and say why. The shop erasure iterates these.
 */
export type ShopRedaction =
  | { action: "delete_rows"; byTenant?: SQLiteColumn; byShop?: SQLiteColumn }
  | { action: "scrub"; how: string }
  | { action: "keep"; why: string };

type ColumnsOf<T extends SQLiteTable> = T["_"]["columns"];

/**
 * Which database holds a table's rows (docs/storage.md, "Planes"): `control` the one control database (`DB`), `data`
 * the shard a tenant's directory entry names. Every database has every table; a table outside its plane stays empty,
 * except that `DB` is also the data shard of tenants placed before sharding and of data that has no tenant.
 */
export type Plane = "control" | "data";

export type TableClassification<T extends SQLiteTable = SQLiteTable> = {
  table: T;
  plane: Plane;
  /** `tenant`: every row carries tenant_id; `tenant_or_shop`: tenant_id, or the shop domain when no tenant was known. */
  scope: "tenant" | "tenant_or_shop" | "shop" | "global";
  /** Every column, by its schema key: the typecheck fails when a column is missing. */
  columns: Record<keyof ColumnsOf<T>, ColumnData>;
  /** Why a `free` or surprising column holds what it holds. */
  notes?: Partial<Record<keyof ColumnsOf<T>, string>>;
  customerRedact: CustomerRedaction;
  shopRedact: ShopRedaction;
  retention: string;
};

/** One table's classification; generic so that `columns` must name exactly that table's columns. */
export function classify<T extends SQLiteTable>(entry: TableClassification<T>): TableClassification {
  return entry as unknown as TableClassification;
}
