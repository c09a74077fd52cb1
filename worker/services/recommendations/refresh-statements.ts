import { sql, type SQL } from "drizzle-orm";
import { ordersTable } from "../../db/schema/profiles.ts";
import { segmentMembershipsTable, segmentsTable } from "../../db/schema/segments.ts";
import { recommendationRefreshesTable, recommendationScoresTable } from "../../db/schema/storefront.ts";

const DAY_MS = 86_400_000;
/** Rows kept per anchor: a page or extension shows at most 12, and exclusions take a few. */
export const ROWS_PER_ANCHOR = 24;
const col = (column: { name: string }) => sql.identifier(column.name);

const o = ordersTable;
const s = recommendationScoresTable;

/** One row per (order, product) of the tenant's paid, uncancelled orders since `since`. */
function orderProducts(tenantId: string, since: number): SQL {
  return sql`select distinct o.${col(o.shopifyOrderId)} as order_id, o.${col(o.profileId)} as profile_id,
      o.${col(o.orderedAt)} as ordered_at, json_extract(li.value, '$.productId') as product_id
    from ${o} o, json_each(o.${col(o.lineItems)}) li
    where o.${col(o.tenantId)} = ${tenantId} and o.${col(o.cancelledAt)} is null and o.${col(o.orderedAt)} >= ${since}
      and json_extract(li.value, '$.productId') is not null`;
}

const insertScores = (kind: string, ranked: SQL) =>
  sql`insert into ${s} (${col(s.tenantId)}, ${col(s.kind)}, ${col(s.anchor)}, ${col(s.productId)}, ${col(s.score)})
    select tenant_id, ${kind}, anchor, product_id, score from (${ranked}) where n <= ${ROWS_PER_ANCHOR}`;

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
      "pair",
      sql`with lines as materialized (${lines}),
        buyers as (select product_id, count(*) as orders from lines group by product_id),
        pairs as (select a.product_id as anchor, b.product_id, count(*) as together
          from lines a join lines b on b.order_id = a.order_id and b.product_id <> a.product_id group by a.product_id, b.product_id)
        select ${tenantId} as tenant_id, p.anchor, p.product_id, (p.together * p.together * 1.0) / b.orders as score,
          row_number() over (partition by p.anchor order by (p.together * p.together * 1.0) / b.orders desc, p.together desc, p.product_id) as n
        from pairs p join buyers b on b.product_id = p.product_id`,
    ),
    insertScores(
      "segment",
      sql`with lines as materialized (${lines}),
        buyers as (select product_id, count(distinct profile_id) as buyers from lines where profile_id is not null group by product_id),
        members as (select m.${col(m.segmentId)} as segment_id, m.${col(m.memberId)} as profile_id
          from ${m} m join ${seg} g on g.${col(seg.id)} = m.${col(m.segmentId)} and g.${col(seg.tenantId)} = ${tenantId}
          where m.${col(m.tenantId)} = ${tenantId} and m.${col(m.leftAt)} is null and g.${col(seg.kind)} = 'customer' and g.${col(seg.deletedAt)} is null),
        bought as (select mb.segment_id as anchor, l.product_id, count(distinct l.profile_id) as n_buyers
          from members mb join lines l on l.profile_id = mb.profile_id group by mb.segment_id, l.product_id)
        select ${tenantId} as tenant_id, x.anchor, x.product_id, (x.n_buyers * x.n_buyers * 1.0) / b.buyers as score,
          row_number() over (partition by x.anchor order by (x.n_buyers * x.n_buyers * 1.0) / b.buyers desc, x.n_buyers desc, x.product_id) as n
        from bought x join buyers b on b.product_id = x.product_id`,
    ),
    // The last 90 days count three times as much as the rest of the year, so a shop with only old orders still has best sellers.
    insertScores(
      "best",
      sql`select ${tenantId} as tenant_id, '' as anchor, product_id,
          sum(case when ordered_at >= ${now - 90 * DAY_MS} then 3 else 1 end) * 1.0 as score,
          row_number() over (order by sum(case when ordered_at >= ${now - 90 * DAY_MS} then 3 else 1 end) desc, product_id) as n
        from (${lines}) group by product_id`,
    ),
  ];
}

/** Records the rebuild; `ordersUpdatedAt` lets the next refresh skip a tenant whose orders have not changed. */
export function recordRefreshStatement(input: { tenantId: string; now: number; ordersUpdatedAt: number | null; orders: number; ms: number }): SQL {
  const r = recommendationRefreshesTable;
  const rows = sql`(select count(*) from ${s} where ${col(s.tenantId)} = ${input.tenantId})`;
  return sql`insert into ${r} (${col(r.tenantId)}, ${col(r.refreshedAt)}, ${col(r.ordersUpdatedAt)}, ${col(r.orders)}, ${col(r.rows)}, ${col(r.ms)})
    values (${input.tenantId}, ${input.now}, ${input.ordersUpdatedAt}, ${input.orders}, ${rows}, ${input.ms})
    on conflict (${col(r.tenantId)}) do update set ${col(r.refreshedAt)} = excluded.${col(r.refreshedAt)},
      ${col(r.ordersUpdatedAt)} = excluded.${col(r.ordersUpdatedAt)}, ${col(r.orders)} = excluded.${col(r.orders)},
      ${col(r.rows)} = excluded.${col(r.rows)}, ${col(r.ms)} = excluded.${col(r.ms)}`;
}
