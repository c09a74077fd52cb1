import { createRandom } from "./generate-segment.ts";
import { tenantDb } from "../../../../helpers/tenant-db.ts";

export const DAY = 86_400_000;
/** A fixed clock in the middle of a UTC day, so day boundaries and event windows differ. */
export const NOW = Date.UTC(2026, 6, 15, 13, 45, 30, 123);
export const TODAY = Math.floor(NOW / DAY) * DAY;

export const newTenantId = () => `ten_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;

// Values straddle every boundary the rules under test use: day starts/ends, event windows to the millisecond.
const DAY_EDGES = [-90, -30, -7].flatMap((days) => [TODAY + days * DAY - 1, TODAY + days * DAY, TODAY + (days + 1) * DAY - 1, TODAY + (days + 1) * DAY]);
const PROFILE_TIMES = [null, null, ...DAY_EDGES, Date.UTC(2026, 0, 1) - 1, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 15), Date.UTC(2025, 6, 15), NOW];
const EVENT_TIMES = [NOW - 30 * DAY, NOW - 30 * DAY - 1, NOW - 7 * DAY, NOW - 7 * DAY - 1, NOW - 12 * 3_600_000, NOW - 12 * 3_600_000 - 1, NOW - 1000];
const EVENT_NAMES = ["purchase", "purchase", "add_to_cart", "page_view", "checkout_start"];
// Ingestion stores ISO codes upper-case (read-customer-fact), so the compiler compares the bare column.
const COUNTRIES = ["US", "CA", "US", "CA", "FR", "DE", null, ""];
const TAGS = [[], ["vip"], ["VIP", "wholesale"], ["Wholesale"], ["summer", "vip"], ["b2b"]];
const SPENT = [0, 199.99, 200, 200.01, 500, 1200];
const STATES = ["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING", "INVALID", "REDACTED", null];

/** Inserts `count` varied profiles with events for one tenant, deterministically from `seed`; returns the ids of those not redacted. */
export async function seedCustomers(tenantId: string, seed: number, count = 200): Promise<string[]> {
  const db = await tenantDb(tenantId);
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const statements: D1PreparedStatement[] = [];
  const ids: string[] = [];
  const insertProfile = db.prepare(
    `INSERT INTO profiles (id, tenant_id, shopify_customer_id, email, country, tags, email_marketing_state, orders_count, total_spent,
       first_order_at, last_order_at, last_seen_at, created_at, updated_at, redacted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, profile_id, anonymous_id, dedup_key, properties)
     VALUES (?, ?, ?, 'webhook', ?, ?, ?, ?, ?, '{}')`,
  );
  for (let i = 0; i < count; i++) {
    const id = `${tenantId}_p${i}`;
    const redacted = i % 20 === 7;
    if (!redacted) ids.push(id);
    const email = pick([null, "", `user${i}@example.org`, `User${i}@Example.ORG`, `x${i}@shop.com`]);
    statements.push(
      insertProfile.bind(id, tenantId, String(10_000 + i), email, pick(COUNTRIES), JSON.stringify(pick(TAGS)), pick(STATES), pick([0, 1, 2, 3, 10]),
        random() < 0.3 ? Math.round(random() * 100_000) / 100 : pick(SPENT), pick(PROFILE_TIMES), pick(PROFILE_TIMES), pick(PROFILE_TIMES), NOW, NOW, redacted ? NOW : null),
    );
    const events = Math.floor(random() * 7);
    for (let e = 0; e < events; e++) {
      const at = random() < 0.8 ? pick(EVENT_TIMES) : NOW - Math.floor(random() * 60 * DAY);
      const anonymous = random() < 0.1;
      statements.push(insertEvent.bind(`${id}_e${e}`, tenantId, pick(EVENT_NAMES), at, at, anonymous ? null : id, anonymous ? `anon_${i}` : null, `${id}_e${e}`));
    }
  }
  for (let start = 0; start < statements.length; start += 200) await db.batch(statements.slice(start, start + 200));
  return ids;
}

/** Inserts `count` varied products (some soft-deleted) for one tenant, deterministically from `seed`; returns all ids. */
export async function seedProducts(tenantId: string, seed: number, count = 200): Promise<string[]> {
  const db = await tenantDb(tenantId);
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const insert = db.prepare(
    `INSERT INTO products (id, tenant_id, origin, title, vendor, product_type, status, tags, price_min, inventory_total, data, ai_score,
       mention_count_30d, created_at, updated_at, deleted_at) VALUES (?, ?, 'shopify', ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  const statements = Array.from({ length: count }, (_, i) => {
    const id = `${tenantId}_prd${i}`;
    ids.push(id);
    return insert.bind(id, tenantId, pick(["Classic Tee", "Summer TEE", "Hoodie", "Mug"]), pick(["Acme", "acme", "Globex", null]),
      pick(["Shirts", "Hoodies", "shirts", "Mugs", null]), pick(["active", "ACTIVE", "draft", "archived", null]),
      JSON.stringify(pick(TAGS.concat([["Summer"]]))), pick([null, 9.99, 10, 25, 50, 50.01, 120]), pick([null, -1, 0, 5, 6, 100]),
      pick([null, 0, 49, 50, 51, 100]), pick([0, 2, 3, 10]), NOW, NOW, random() < 0.15 ? NOW : null);
  });
  await db.batch(statements);
  return ids;
}
