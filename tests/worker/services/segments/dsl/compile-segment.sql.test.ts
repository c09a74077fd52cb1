import { describe, expect, it } from "vitest";
import {
  compileSegment,
  compileSegmentCount,
  D1_MAX_PARAMS,
  parseSegment,
  type SegmentKind,
  type SegmentNode,
} from "../../../../../worker/services/segments/dsl/index.ts";
import { DAY, NOW, newTenantId, placeBareTenant } from "./seed-segment-rows.ts";

const placedDb = async (tenantId: string) => {
  await placeBareTenant(tenantId);
  return tenantDb(tenantId);
};
import { tenantDb } from "../../../../helpers/tenant-db.ts";

function compiled(text: string, kind: SegmentKind = "customer", tenantId = "ten_x") {
  const ast = parseSegment(text, kind);
  if (!ast.ok) throw new Error(ast.error.message);
  const result = compileSegment(ast.value, { kind, tenantId, now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const countries = (count: number, offset = 0) =>
  Array.from({ length: count }, (_, i) => `"${String.fromCharCode(65 + Math.floor((i + offset) / 26))}${String.fromCharCode(65 + ((i + offset) % 26))}"`).join(", ");

describe("compileSegment SQL shape", () => {
  it("selects member ids of the tenant, with the tenant as the first parameter", () => {
    expect(compiled("orders_count >= 2", "customer", "ten_a")).toEqual({
      sql: "SELECT p.id FROM profiles p WHERE p.tenant_id = ? AND p.redacted_at IS NULL AND (p.orders_count >= ?)",
      params: ["ten_a", 2],
    });
    expect(compiled("ai_score < 50", "product", "ten_a")).toEqual({
      sql: "SELECT p.id FROM products p WHERE p.tenant_id = ? AND p.deleted_at IS NULL AND (p.ai_score < ?)",
      params: ["ten_a", 50],
    });
  });

  it("counts the same members for the preview", () => {
    const ast = parseSegment('tags contains "vip"', "customer");
    if (!ast.ok) throw new Error(ast.error.message);
    const count = compileSegmentCount(ast.value, { kind: "customer", tenantId: "ten_a", now: NOW });
    expect(count.ok && count.value.sql).toBe(
      "SELECT count(*) AS count FROM profiles p WHERE p.tenant_id = ? AND p.redacted_at IS NULL AND (EXISTS (SELECT 1 FROM json_each(p.tags) WHERE lower(value) = lower(?)))",
    );
  });

  it.each([
    ["purchase.count(30d) >= 1", /^p\.id IN \(SELECT e\.profile_id FROM events e WHERE [^)]*\)$/],
    ["purchase.count(30d) > 0", /^p\.id IN \(SELECT e\.profile_id FROM events e WHERE [^)]*\)$/],
    ["purchase.count(30d) = 0", /^p\.id NOT IN \(SELECT e\.profile_id FROM events e WHERE [^)]*\)$/],
    ["purchase.count(30d) < 1", /^p\.id NOT IN \(SELECT e\.profile_id FROM events e WHERE [^)]*\)$/],
    ["purchase.count(30d) <= 0", /^p\.id NOT IN \(SELECT e\.profile_id FROM events e WHERE [^)]*\)$/],
    ["purchase.count(30d) >= 3", /^p\.id IN \(SELECT .* GROUP BY e\.profile_id HAVING count\(\*\) >= \?\)$/],
    ["purchase.count(30d) < 3", /^p\.id NOT IN \(SELECT .* GROUP BY e\.profile_id HAVING NOT \(count\(\*\) < \?\)\)$/],
  ])("compiles %s to one set-based event query", (text, shape) => {
    const { sql, params } = compiled(text);
    const condition = sql.slice(sql.indexOf("AND (") + 5, -1);
    expect(condition).toMatch(shape);
    expect(condition).toContain("e.tenant_id = ? AND e.name = ? AND e.occurred_at >= ? AND e.profile_id IS NOT NULL");
    expect(condition).not.toContain("p.tenant_id");
    expect(params.slice(0, 4)).toEqual(["ten_x", "ten_x", "purchase", NOW - 30 * DAY]);
  });

  it.each([
    ["product_view.count(all) >= 5", /^p\.id IN \(SELECT x\.member FROM \(.* UNION ALL .*\) x GROUP BY x\.member HAVING sum\(x\.c\) >= \?\)$/],
    ["product_view.count(all) < 5", /^p\.id NOT IN \(SELECT x\.member FROM \(.* UNION ALL .*\) x GROUP BY x\.member HAVING NOT \(sum\(x\.c\) < \?\)\)$/],
  ])("compiles %s to D1's events plus the profile's archived counts, with no time bound", (text, shape) => {
    const { sql, params } = compiled(text);
    const condition = sql.slice(sql.indexOf("AND (") + 5, -1);
    expect(condition).toMatch(shape);
    expect(condition).not.toContain("occurred_at");
    expect(condition).toContain("json_each(a.archived_event_counts) j WHERE a.tenant_id = ? AND j.key = ?");
    expect(params).toEqual(["ten_x", "ten_x", "product_view", "ten_x", "product_view", 5]);
  });

  it("binds every value and never interpolates one into the SQL", async () => {
    const hostile = `x'); DROP TABLE profiles; --`;
    const { sql, params } = compiled(`tags contains "${hostile}" or email = "${hostile}" or email contains "%"`);
    expect(sql).not.toContain("DROP");
    expect(sql).not.toContain("%");
    expect(params).toContain(hostile);
    const { results } = await (await placedDb("ten_x")).prepare(sql).bind(...params).all();
    expect(results).toEqual([]);
  });

  it("compares country on the bare column, so profiles_country_idx serves it", async () => {
    const { sql, params } = compiled('country in ("us", "CA")');
    expect(sql).toContain("p.country IN (?, ?)");
    expect(params.slice(1, 3)).toEqual(["US", "CA"]);
    const { results } = await (await placedDb("ten_x")).prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    expect(results.map((row) => row.detail).join("\n")).toContain("profiles_country_idx");
  });

  it("counts events through the partial events_profile_idx (events without a profile are not in it)", async () => {
    const { sql, params } = compiled("purchase.count(30d) >= 2");
    const { results } = await (await placedDb("ten_x")).prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    expect(results.map((row) => row.detail).join("\n")).toContain("events_profile_idx");
  });

  it("reserves bound parameters for the statement the caller wraps around the member query", () => {
    const ast = parseSegment(`country in (${countries(50)}) and country not in (${countries(46, 60)})`, "customer");
    if (!ast.ok) throw new Error(ast.error.message);
    expect(compileSegment(ast.value, { kind: "customer", tenantId: "ten_a", now: NOW }).ok).toBe(true);
    const reserved = compileSegment(ast.value, { kind: "customer", tenantId: "ten_a", now: NOW, reservedParams: 5 });
    expect(reserved).toMatchObject({ ok: false, error: { message: /needs 102 bound values/ } });
  });

  it("re-checks a hand-built AST and rejects an invalid one with its path", () => {
    const ast = { and: [{ attr: "country", op: "=", value: "us" }, { attr: "orders_count", op: ">=", value: "2" }] } as SegmentNode;
    const result = compileSegment(ast, { kind: "customer", tenantId: "ten_a", now: NOW });
    expect(result).toMatchObject({ ok: false, error: { path: "$.and[1].value", message: "orders_count is a number" } });
  });
});

describe("the D1 limit of 100 bound parameters", () => {
  it("fails clearly beyond 100 parameters", () => {
    const ast = parseSegment(`country in (${countries(50)}) or country in (${countries(50, 50)})`, "customer");
    if (!ast.ok) throw new Error(ast.error.message);
    const result = compileSegment(ast.value, { kind: "customer", tenantId: "ten_a", now: NOW });
    expect(result).toMatchObject({
      ok: false,
      error: { message: `this segment needs 101 bound values and D1 allows at most ${D1_MAX_PARAMS} per statement`, hint: /fewer values/ },
    });
    expect(compileSegmentCount(ast.value, { kind: "customer", tenantId: "ten_a", now: NOW }).ok).toBe(false);
  });

  it("accepts exactly 100 parameters, and D1 runs the statement", async () => {
    const tenantId = newTenantId();
    const db = await placedDb(tenantId);
    await db.prepare(
      `INSERT INTO profiles (id, tenant_id, shopify_customer_id, country, tags, created_at, updated_at) VALUES (?1, ?2, '1', 'BA', '[]', ?3, ?3)`,
    )
      .bind(`${tenantId}_p`, tenantId, NOW)
      .run();
    const { sql, params } = compiled(`country in (${countries(50)}) and country not in (${countries(49, 60)})`, "customer", tenantId);
    expect(params).toHaveLength(100);
    const { results } = await db.prepare(sql).bind(...params).all<{ id: string }>();
    expect(results.map((row) => row.id)).toEqual([`${tenantId}_p`]);
  });
});

describe("event windows at the boundary", () => {
  it("counts an event exactly `window` ago and not one a millisecond earlier", async () => {
    const tenantId = newTenantId();
    const db = await placedDb(tenantId);
    const insertProfile = db.prepare(
      "INSERT INTO profiles (id, tenant_id, shopify_customer_id, tags, created_at, updated_at) VALUES (?1, ?2, ?1, '[]', ?3, ?3)",
    );
    const insertEvent = db.prepare(
      "INSERT INTO events (id, tenant_id, name, source, occurred_at, received_at, profile_id, dedup_key, properties) VALUES (?1, ?2, 'purchase', 'pixel', ?3, ?3, ?4, ?1, '{}')",
    );
    await db.batch([
      insertProfile.bind(`${tenantId}_in`, tenantId, NOW),
      insertProfile.bind(`${tenantId}_out`, tenantId, NOW),
      insertEvent.bind(`${tenantId}_e1`, tenantId, NOW - 12 * 3_600_000, `${tenantId}_in`),
      insertEvent.bind(`${tenantId}_e2`, tenantId, NOW - 12 * 3_600_000 - 1, `${tenantId}_out`),
    ]);
    const members = async (text: string) => {
      const { sql, params } = compiled(text, "customer", tenantId);
      return (await db.prepare(sql).bind(...params).all<{ id: string }>()).results.map((row) => row.id).sort();
    };
    expect(await members("purchase.count(12h) >= 1")).toEqual([`${tenantId}_in`]);
    expect(await members("purchase.count(12h) = 0")).toEqual([`${tenantId}_out`]);
    expect(await members("purchase.count(13h) = 1")).toEqual([`${tenantId}_in`, `${tenantId}_out`]);
  });
});
