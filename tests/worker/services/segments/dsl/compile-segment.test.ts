import { beforeAll, describe, expect, it } from "vitest";
import { compileSegment, compileSegmentCount, parseSegment, type SegmentKind } from "../../../../../worker/services/segments/dsl/index.ts";
import { DAY, NOW, TODAY, newTenantId, seedCustomers, seedProducts } from "./seed-segment-rows.ts";
import { tenantDb } from "../../../../helpers/tenant-db.ts";

async function compiledMembers(text: string, kind: SegmentKind, tenantId: string): Promise<string[]> {
  const ast = parseSegment(text, kind);
  if (!ast.ok) throw new Error(`${text}: ${ast.error.message}`);
  const compiled = compileSegment(ast.value, { kind, tenantId, now: NOW });
  if (!compiled.ok) throw new Error(compiled.error.message);
  const count = compileSegmentCount(ast.value, { kind, tenantId, now: NOW });
  if (!count.ok) throw new Error(count.error.message);
  const db = await tenantDb(tenantId);
  const { results } = await db.prepare(compiled.value.sql).bind(...compiled.value.params).all<{ id: string }>();
  const counted = await db.prepare(count.value.sql).bind(...count.value.params).first<{ count: number }>();
  expect(counted?.count).toBe(results.length);
  return results.map((row) => row.id).sort();
}

async function handWrittenMembers(where: string, table: "profiles" | "products", tenantId: string): Promise<string[]> {
  const live = table === "profiles" ? "redacted_at IS NULL" : "true";
  const { results } = await (await tenantDb(tenantId)).prepare(`SELECT id FROM ${table} WHERE tenant_id = ?1 AND ${live} AND (${where})`).bind(tenantId).all<{ id: string }>();
  return results.map((row) => row.id).sort();
}

const daysAgo = (days: number) => TODAY - days * DAY;
const eventIds = (name: string, since: number) =>
  `SELECT profile_id FROM events WHERE tenant_id = ?1 AND name = '${name}' AND occurred_at >= ${since} AND profile_id IS NOT NULL`;

describe("compileSegment on customer data matches hand-written SQL", () => {
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  let profileIds: string[] = [];

  beforeAll(async () => {
    profileIds = await seedCustomers(tenantId, 42);
    await seedCustomers(otherTenantId, 42);
  });

  it.each<[string, string]>([
    [
      'country in ("US","CA") and total_spent >= 200 and orders_count >= 2 and purchase.count(30d) >= 1',
      `upper(country) IN ('US', 'CA') AND total_spent >= 200 AND orders_count >= 2 AND id IN (${eventIds("purchase", NOW - 30 * DAY)})`,
    ],
    [
      'tags contains "vip" and not (email_subscription = "unsubscribed")',
      `EXISTS (SELECT 1 FROM json_each(tags) t WHERE lower(t.value) = 'vip') AND (email_marketing_state IS NULL OR email_marketing_state != 'UNSUBSCRIBED')`,
    ],
    ["last_order_date < -90d and orders_count >= 1", `last_order_at < ${daysAgo(90)} AND orders_count >= 1`],
    [
      "add_to_cart.count(7d) >= 1 and purchase.count(7d) = 0",
      `id IN (${eventIds("add_to_cart", NOW - 7 * DAY)}) AND id NOT IN (${eventIds("purchase", NOW - 7 * DAY)})`,
    ],
    ["last_seen >= -30d", `last_seen_at >= ${daysAgo(30)}`],
    ["first_order_date >= 2026-01-01", `first_order_at >= ${Date.UTC(2026, 0, 1)}`],
    [
      '(country = "US" or country = "CA") and tags not contains "wholesale"',
      `upper(country) IN ('US', 'CA') AND NOT EXISTS (SELECT 1 FROM json_each(tags) t WHERE lower(t.value) = 'wholesale')`,
    ],
    [
      "purchase.count(30d) >= 2",
      `id IN (SELECT profile_id FROM events WHERE tenant_id = ?1 AND name = 'purchase' AND occurred_at >= ${NOW - 30 * DAY} GROUP BY profile_id HAVING count(*) >= 2)`,
    ],
    [
      "purchase.count(12h) < 2",
      `id NOT IN (SELECT profile_id FROM events WHERE tenant_id = ?1 AND name = 'purchase' AND occurred_at >= ${NOW - 12 * 3_600_000} AND profile_id IS NOT NULL GROUP BY profile_id HAVING count(*) >= 2)`,
    ],
    ["purchase.count(60d) != 1", `id NOT IN (${eventIds("purchase", NOW - 60 * DAY)} GROUP BY profile_id HAVING count(*) = 1)`],
    ["purchase.count(60d) <= 1", `id NOT IN (${eventIds("purchase", NOW - 60 * DAY)} GROUP BY profile_id HAVING count(*) > 1)`],
    ["purchase.count(60d) = 2", `id IN (${eventIds("purchase", NOW - 60 * DAY)} GROUP BY profile_id HAVING count(*) = 2)`],
    ["not (page_view.count(30d) > 1)", `id NOT IN (${eventIds("page_view", NOW - 30 * DAY)} GROUP BY profile_id HAVING count(*) > 1)`],
    ["not (last_seen >= -7d)", `last_seen_at IS NULL OR last_seen_at < ${daysAgo(7)}`],
    ['email is not set or email contains "@example.org"', `email IS NULL OR email = '' OR lower(email) LIKE '%@example.org%'`],
    ['country != "US"', `country IS NOT NULL AND upper(country) != 'US'`],
    ["last_order_date = -90d", `last_order_at >= ${daysAgo(90)} AND last_order_at < ${daysAgo(89)}`],
    ["last_order_date > -30d or last_order_date <= -90d", `last_order_at >= ${daysAgo(29)} OR last_order_at < ${daysAgo(89)}`],
    ["last_seen between -1y and -6m", `last_seen_at >= ${Date.UTC(2025, 6, 15)} AND last_seen_at < ${Date.UTC(2026, 0, 16)}`],
    ['email_subscription in ("subscribed", "pending")', `email_marketing_state IN ('SUBSCRIBED', 'PENDING')`],
    ['not (country in ("US") or total_spent > 500)', `(country IS NULL OR upper(country) != 'US') AND total_spent <= 500`],
    ["first_order_date is set and last_seen != -7d", `first_order_at IS NOT NULL AND (last_seen_at < ${daysAgo(7)} OR last_seen_at >= ${daysAgo(6)})`],
  ])("%s", async (text, where) => {
    const expected = await handWrittenMembers(where, "profiles", tenantId);
    expect(expected.length, "the rule should select some but not all profiles").toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(profileIds.length);
    expect(await compiledMembers(text, "customer", tenantId)).toEqual(expected);
  });

  it("never selects another tenant's profiles, even when that tenant's events name our profile ids", async () => {
    const crossTenantId = newTenantId();
    // In our tenant's own database: the worst case, where only the compiled SQL's tenant filter keeps them apart.
    await (await tenantDb(tenantId)).prepare(
      `INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, profile_id, dedup_key, properties)
       SELECT 'x_' || id, ?1, 'refund', 'api', ?2, ?2, id, 'x_' || id, '{}' FROM profiles WHERE tenant_id = ?3`,
    )
      .bind(crossTenantId, NOW, tenantId)
      .run();
    expect(await compiledMembers("refund.count(1h) >= 1", "customer", tenantId)).toEqual([]);
    expect(await compiledMembers("refund.count(1h) = 0", "customer", tenantId)).toEqual(profileIds.slice().sort());
    const everyone = await compiledMembers("orders_count >= 0", "customer", otherTenantId);
    expect(everyone).toHaveLength(190);
    expect(everyone.every((id) => id.startsWith(otherTenantId))).toBe(true);
  });
});

describe("compileSegment on product data matches hand-written SQL", () => {
  const tenantId = newTenantId();

  beforeAll(async () => {
    await seedProducts(tenantId, 7);
    await seedProducts(newTenantId(), 7);
  });

  it.each<[string, string]>([
    ['vendor = "Acme" and price between 10 and 50', `lower(vendor) = 'acme' AND price_min >= 10 AND price_min <= 50`],
    ["inventory <= 5 and mentions >= 3", "inventory_total <= 5 AND mention_count_30d >= 3"],
    [
      'type in ("Shirts","Hoodies") and tags contains "summer"',
      `lower(product_type) IN ('shirts', 'hoodies') AND EXISTS (SELECT 1 FROM json_each(tags) t WHERE lower(t.value) = 'summer')`,
    ],
    ["ai_readability_score < 50", "ai_score < 50"],
    ["not (ai_score >= 50)", "ai_score IS NULL OR ai_score < 50"],
    ["ai_score is not set or inventory is not set", "ai_score IS NULL OR inventory_total IS NULL"],
    ['title contains "tee" and status = "active"', `lower(title) LIKE '%tee%' AND lower(status) = 'active'`],
    ['vendor != "acme" and type not in ("mugs")', `lower(vendor) != 'acme' AND lower(product_type) != 'mugs'`],
  ])("%s", async (text, where) => {
    const expected = await handWrittenMembers(`deleted_at IS NULL AND (${where})`, "products", tenantId);
    expect(expected.length).toBeGreaterThan(0);
    expect(await compiledMembers(text, "product", tenantId)).toEqual(expected);
  });

  it("never returns soft-deleted products", async () => {
    const all = await compiledMembers("mentions >= 0", "product", tenantId);
    const live = await handWrittenMembers("deleted_at IS NULL", "products", tenantId);
    expect(all).toEqual(live);
    expect(live.length).toBeLessThan(200);
  });
});
