import { sql, type SQL } from "drizzle-orm";
import { ordersTable } from "../../db/schema/profiles.ts";
import { segmentMembershipsTable, segmentsTable } from "../../db/schema/segments.ts";
import { recommendationRefreshesTable, recommendationScoresTable } from "../../db/schema/storefront.ts";
import { col, columnsOf, excluded } from "../../db/sql-names.ts";

const DAY_MS = 86_400_000;
/** Rows kept per anchor: a page or extension shows at most 12, and exclusions take a few. */
export const ROWS_PER_ANCHOR = 24;

const o = ordersTable;
const s = recommendationScoresTable;

// The statements' own row names (`ord`, `buyer`, `pid`, `anc`, `w`, `rnk`) are kept apart from the schema's, so
// every stored name below comes from the drizzle schema.

/** One row per (order, product) of the tenant's paid, uncancelled orders since `since`: (ord, buyer, at, pid). */
function orderProducts(tenantId: string, since: number): SQL {
  return sql`select distinct o.${col(o.shopifyOrderId)} as ord, o.${col(o.profileId)} as buyer,
      o.${col(o.orderedAt)} as at, json_extract(li.value, '$.productId') as pid
    from ${o} o, json_each(o.${col(o.lineItems)}) li
    where o.${col(o.tenantId)} = ${tenantId} and o.${col(o.cancelledAt)} is null and o.${col(o.orderedAt)} >= ${since}
      and json_extract(li.value, '$.productId') is not null`;
}

/** Stores `ranked`'s rows (anc, pid, w, rnk) up to ROWS_PER_ANCHOR an anchor. */
const insertScores = (tenantId: string, kind: string, ranked: SQL) =>
  sql`insert into ${s} ${columnsOf(s, "tenantId", "kind", "anchor", "productId", "weight")}
    select ${tenantId}, ${kind}, anc, pid, w from (${ranked}) where rnk <= ${ROWS_PER_ANCHOR}`;

/**
 * The tenant's rebuild as one D1 batch (one transaction, so readers never see half a table). Scores divide by how
 * common the recommended product is (co-buys² / its buyers): a best seller bought with everything does not crowd
 * out what is bought with this product in particular.
 */
export function refreshStatements(input: { tenantId: string; now: number }): SQL[] {
  const { tenantId, now } = input;
  const yearAgo = now - 365 * DAY_MS;
  const lines = orderProducts(tenantId, yearAgo);
  const m = segmentMembershipsTable;
  const seg = segmentsTable;
  return [
    sql`delete from ${s} where ${col(s.tenantId)} = ${tenantId}`,
    insertScores(
      tenantId,
      "pair",
      sql`with lines as materialized (${lines}),
        buyers as (select pid, count(*) as n from lines group by pid),
        pairs as (select a.pid as anc, b.pid, count(*) as together
          from lines a join lines b on b.ord = a.ord and b.pid <> a.pid group by a.pid, b.pid)
        select p.anc, p.pid, (p.together * p.together * 1.0) / b.n as w,
          row_number() over (partition by p.anc order by (p.together * p.together * 1.0) / b.n desc, p.together desc, p.pid) as rnk
        from pairs p join buyers b on b.pid = p.pid`,
    ),
    insertScores(
      tenantId,
      "segment",
      sql`with lines as materialized (${lines}),
        buyers as (select pid, count(distinct buyer) as n from lines where buyer is not null group by pid),
        members as (select m.${col(m.segmentId)} as seg, m.${col(m.memberId)} as buyer
          from ${m} m join ${seg} g on g.${col(seg.id)} = m.${col(m.segmentId)} and g.${col(seg.tenantId)} = ${tenantId}
          where m.${col(m.tenantId)} = ${tenantId} and m.${col(m.leftAt)} is null and g.${col(seg.kind)} = 'customer' and g.${col(seg.deletedAt)} is null),
        bought as (select mb.seg as anc, l.pid, count(distinct l.buyer) as n_buyers
          from members mb join lines l on l.buyer = mb.buyer group by mb.seg, l.pid)
        select x.anc, x.pid, (x.n_buyers * x.n_buyers * 1.0) / b.n as w,
          row_number() over (partition by x.anc order by (x.n_buyers * x.n_buyers * 1.0) / b.n desc, x.n_buyers desc, x.pid) as rnk
        from bought x join buyers b on b.pid = x.pid`,
    ),
    // The last 90 days count three times as much as the rest of the year, so a shop with only old orders still has best sellers.
    insertScores(
      tenantId,
      "best",
      sql`select '' as anc, pid,
          sum(case when at >= ${now - 90 * DAY_MS} then 3 else 1 end) * 1.0 as w,
          row_number() over (order by sum(case when at >= ${now - 90 * DAY_MS} then 3 else 1 end) desc, pid) as rnk
        from (${lines}) group by pid`,
    ),
  ];
}

/** Records the rebuild; `ordersUpdatedAt` lets the next refresh skip a tenant whose orders have not changed. */
export function recordRefreshStatement(input: { tenantId: string; now: number; ordersUpdatedAt: number | null; orders: number; ms: number }): SQL {
  const r = recommendationRefreshesTable;
  const rows = sql`(select count(*) from ${s} where ${col(s.tenantId)} = ${input.tenantId})`;
  return sql`insert into ${r} ${columnsOf(r, "tenantId", "refreshedAt", "ordersUpdatedAt", "orders", "rows", "ms")}
    values (${input.tenantId}, ${input.now}, ${input.ordersUpdatedAt}, ${input.orders}, ${rows}, ${input.ms})
    on conflict (${col(r.tenantId)}) do update set ${col(r.refreshedAt)} = ${excluded(r.refreshedAt)},
      ${col(r.ordersUpdatedAt)} = ${excluded(r.ordersUpdatedAt)}, ${col(r.orders)} = ${excluded(r.orders)},
      ${col(r.rows)} = ${excluded(r.rows)}, ${col(r.ms)} = ${excluded(r.ms)}`;
}
