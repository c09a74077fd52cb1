type Db = { prepare(sql: string): { bind(...values: unknown[]): { run(): Promise<unknown> } } };

/** A rule as merchants write it, and hand-written SQL for it (`?1` tenant, `?2` now in ms): the fastest one counts. */
export type SegmentRule = { key: string; query: string; handWritten: string[] };

const DAY = 86_400_000;
const live = "p.tenant_id = ?1 AND p.redacted_at IS NULL";
const since = (days: number) => `?2 - ${days * DAY}`;

const purchasedIn30d = `SELECT e.profile_id FROM events e WHERE e.tenant_id = ?1 AND e.name = 'purchase' AND e.occurred_at >= ${since(30)}`;

export const SEGMENT_RULES: readonly SegmentRule[] = [
  {
    key: "spec",
    query: 'country in ("US", "CA") and total_spent >= 200 and orders_count >= 2 and purchase.count(30d) >= 1',
    handWritten: [
      `SELECT p.id FROM profiles p WHERE ${live} AND p.country IN ('US', 'CA') AND p.total_spent >= 200 AND p.orders_count >= 2 AND p.id IN (${purchasedIn30d})`,
      `SELECT p.id FROM profiles p WHERE ${live} AND p.country IN ('US', 'CA') AND p.total_spent >= 200 AND p.orders_count >= 2
        AND EXISTS (SELECT 1 FROM events e WHERE e.tenant_id = p.tenant_id AND e.profile_id = p.id AND e.name = 'purchase' AND e.occurred_at >= ${since(30)})`,
    ],
  },
  {
    key: "repeat",
    query: "purchase.count(30d) >= 2",
    handWritten: [
      `SELECT p.id FROM (${purchasedIn30d} AND e.profile_id IS NOT NULL GROUP BY e.profile_id HAVING count(*) >= 2) x
        JOIN profiles p ON p.id = x.profile_id WHERE ${live}`,
      `SELECT p.id FROM profiles p WHERE ${live} AND p.id IN (${purchasedIn30d} GROUP BY e.profile_id HAVING count(*) >= 2)`,
    ],
  },
  {
    key: "abandoners",
    query: "(checkout_start.count(14d) >= 1 or add_to_cart.count(14d) >= 1) and purchase.count(14d) = 0",
    handWritten: [
      `SELECT p.id FROM profiles p WHERE ${live}
        AND p.id IN (SELECT e.profile_id FROM events e WHERE e.tenant_id = ?1 AND e.name IN ('checkout_start', 'add_to_cart') AND e.occurred_at >= ${since(14)})
        AND p.id NOT IN (SELECT e.profile_id FROM events e WHERE e.tenant_id = ?1 AND e.name = 'purchase' AND e.occurred_at >= ${since(14)} AND e.profile_id IS NOT NULL)`,
      `SELECT p.id FROM profiles p WHERE ${live} AND p.id IN (
        SELECT e.profile_id FROM events e WHERE e.tenant_id = ?1 AND e.name IN ('checkout_start', 'add_to_cart') AND e.occurred_at >= ${since(14)}
        EXCEPT SELECT e.profile_id FROM events e WHERE e.tenant_id = ?1 AND e.name = 'purchase' AND e.occurred_at >= ${since(14)})`,
    ],
  },
  {
    key: "vip",
    query: 'tags contains "vip" and total_spent between 100 and 500',
    handWritten: [
      `SELECT p.id FROM profiles p WHERE ${live} AND p.total_spent BETWEEN 100 AND 500 AND EXISTS (SELECT 1 FROM json_each(p.tags) WHERE lower(value) = 'vip')`,
    ],
  },
  {
    key: "lapsed",
    query: "orders_count >= 1 and last_order_date < -60d",
    handWritten: [`SELECT p.id FROM profiles p WHERE ${live} AND p.orders_count >= 1 AND p.last_order_at < (CAST(?2 / ${DAY} AS INTEGER) - 60) * ${DAY}`],
  },
];

const CHUNK = 100_000;

/**
 * Deterministic data for one tenant (and a tenth as much for a neighbour, so the tenant filter has work to do),
 * generated inside SQLite: 10 events per profile on average over 120 days, 5% anonymous, 1% redacted profiles.
 */
export async function seedSegmentData(db: Db, options: { tenantId: string; now: number; profiles: number; events: number }): Promise<void> {
  for (const [tenantId, profiles, events] of [
    [options.tenantId, options.profiles, options.events],
    [`${options.tenantId}_neighbour`, Math.ceil(options.profiles / 10), Math.ceil(options.events / 10)],
  ] as const) {
    for (let from = 0; from < profiles; from += CHUNK) {
      await db
        .prepare(
          `WITH RECURSIVE s(n) AS (SELECT ?3 UNION ALL SELECT n + 1 FROM s WHERE n + 1 < ?4)
           INSERT INTO profiles (id, tenant_id, shopify_customer_id, country, tags, orders_count, total_spent, last_order_at, redacted_at, created_at, updated_at)
           SELECT ?1 || '_p' || n, ?1, CAST(n AS TEXT),
             CASE (n * 7919) % 10 WHEN 0 THEN 'US' WHEN 1 THEN 'US' WHEN 2 THEN 'US' WHEN 3 THEN 'US' WHEN 4 THEN 'CA' WHEN 5 THEN 'CA' WHEN 6 THEN 'GB' WHEN 7 THEN 'DE' WHEN 8 THEN 'FR' END,
             CASE (n * 31) % 10 WHEN 0 THEN '["vip"]' WHEN 1 THEN '["VIP","wholesale"]' WHEN 2 THEN '["wholesale"]' ELSE '[]' END,
             (n * 13) % 6, ((n * 104729) % 120000) / 100.0,
             CASE WHEN (n * 13) % 6 = 0 THEN NULL ELSE ?2 - (n * 2246822519) % ${120 * DAY} END,
             CASE WHEN n % 100 = 99 THEN ?2 END, ?2, ?2
           FROM s`,
        )
        .bind(tenantId, options.now, from, Math.min(from + CHUNK, profiles))
        .run();
    }
    for (let from = 0; from < events; from += CHUNK) {
      await db
        .prepare(
          `WITH RECURSIVE s(n) AS (SELECT ?3 UNION ALL SELECT n + 1 FROM s WHERE n + 1 < ?4)
           INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, profile_id, anonymous_id, dedup_key, properties)
           SELECT ?1 || '_e' || n, ?1,
             CASE (n * 17) % 20 WHEN 0 THEN 'purchase' WHEN 1 THEN 'purchase' WHEN 2 THEN 'add_to_cart' WHEN 3 THEN 'add_to_cart' WHEN 4 THEN 'checkout_start'
               WHEN 13 THEN 'product_view' WHEN 14 THEN 'product_view' WHEN 15 THEN 'product_view' WHEN 16 THEN 'product_view'
               WHEN 17 THEN 'search' WHEN 18 THEN 'search' WHEN 19 THEN 'search' ELSE 'page_view' END,
             'webhook', ?2 - (n * 2654435761) % ${120 * DAY}, ?2,
             CASE WHEN n % 20 = 7 THEN NULL ELSE ?1 || '_p' || ((n * 7) % ?5) END,
             CASE WHEN n % 20 = 7 THEN 'anon_' || n END,
             ?1 || '_e' || n, '{}'
           FROM s`,
        )
        .bind(tenantId, options.now, from, Math.min(from + CHUNK, events), profiles)
        .run();
    }
  }
}
