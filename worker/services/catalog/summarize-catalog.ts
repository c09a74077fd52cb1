import { and, asc, count, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { productsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export type CatalogSummary = {
  total: number;
  scored: number;
  median: number | null;
  below50: number;
  /** Scored products per ten points: 0–9, 10–19, …, 90–100. */
  distribution: { from: number; to: number; count: number }[];
  /** The catalog's vendors and product types, for the filters. */
  vendors: string[];
  types: string[];
};

const FACETS = 200;

/** The catalog's score summary: how many are scored, the median, how many score under 50, and the spread. */
export async function summarizeCatalog(args: { ctx: TenantContext }): Promise<CatalogSummary> {
  const { ctx } = args;
  const { db } = openLaggedReads(ctx);
  const live = and(eq(productsTable.tenantId, ctx.tenantId), isNull(productsTable.deletedAt));
  const scored = and(live, isNotNull(productsTable.aiScore));
  const bucket = sql<number>`min(${productsTable.aiScore} / 10, 9)`;
  const [totals, buckets, vendors, types] = await Promise.all([
    db
      .select({ total: count(), scored: count(productsTable.aiScore), below50: sql<number>`count(*) filter (where ${lt(productsTable.aiScore, 50)})` })
      .from(productsTable)
      .where(live)
      .get(),
    db.select({ bucket, n: count() }).from(productsTable).where(scored).groupBy(bucket),
    db.selectDistinct({ value: productsTable.vendor }).from(productsTable).where(and(live, isNotNull(productsTable.vendor))).orderBy(asc(productsTable.vendor)).limit(FACETS),
    db.selectDistinct({ value: productsTable.productType }).from(productsTable).where(and(live, isNotNull(productsTable.productType))).orderBy(asc(productsTable.productType)).limit(FACETS),
  ]);
  const n = totals?.scored ?? 0;
  const median =
    n === 0
      ? null
      : ((await db.select({ score: productsTable.aiScore }).from(productsTable).where(scored).orderBy(asc(productsTable.aiScore)).limit(1).offset(Math.floor((n - 1) / 2)).get())?.score ?? null);
  const counts = new Map(buckets.map((row) => [Number(row.bucket), row.n]));
  return {
    total: totals?.total ?? 0,
    scored: n,
    median,
    below50: Number(totals?.below50 ?? 0),
    distribution: Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count: counts.get(i) ?? 0 })),
    vendors: vendors.flatMap((row) => (row.value ? [row.value] : [])),
    types: types.flatMap((row) => (row.value ? [row.value] : [])),
  };
}
