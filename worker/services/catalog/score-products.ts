import { and, eq, isNull, sql } from "drizzle-orm";
import { productsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { requestAiScoreDropped } from "../flow/request-ai-score-dropped.ts";
import { jsonChunks } from "../../db/sql-json.ts";
import { tableNames } from "../../db/sql-names.ts";
import { scoreProduct } from "./score/score-product.ts";
import type { Recommendation } from "./score/score-types.ts";

export type ScoredProduct = {
  id: string;
  shopifyProductId: string | null;
  title: string;
  score: number;
  previousScore: number | null;
  recommendations: Recommendation[];
  scoredAt: Date;
};

/** `scored`: the products whose new score is stored; one changed while it was scored is left for the next run. */
export type ScoreProductsOutcome = { scored: ScoredProduct[]; dropTriggers: number };

// Written only if the row is still the one that was scored: same `updated_at` (no newer data) and same previous score
// (no concurrent scoring), so a drop is stored, and its Flow trigger requested, once. Rows are found by id: `+` keeps
// SQLite off the tenant index, which made it read every product of the tenant for each row (10 s a page of 500).
const P = tableNames(productsTable);
const STORE_SCORES = `
  UPDATE ${P.$table} SET ${P.aiScore} = s.score, ${P.aiRecommendations} = s.recommendations, ${P.aiScoredAt} = max(?2, ${P.$table}.${P.updatedAt})
  FROM (
    SELECT json_extract(j.value, '$.id') AS productId, json_extract(j.value, '$.score') AS score,
      json_extract(j.value, '$.recommendations') AS recommendations, json_extract(j.value, '$.updatedAt') AS updatedAt,
      json_extract(j.value, '$.previous') AS previous
    FROM json_each(?3) j
  ) AS s
  WHERE +${P.$table}.${P.tenantId} = ?1 AND ${P.$table}.${P.id} = s.productId AND ${P.$table}.${P.deletedAt} IS NULL
    AND ${P.$table}.${P.updatedAt} = s.updatedAt AND ${P.$table}.${P.aiScore} IS s.previous
  RETURNING ${P.$table}.${P.id} AS id`;

/** Scores this tenant's products (unknown or deleted ids are skipped), stores the scores in one D1 batch, and requests "Product AI score dropped" for each drop. */
export async function scoreProducts(args: { ctx: TenantContext; input: { productIds: readonly string[] } }): Promise<ScoreProductsOutcome> {
  const { ctx, input } = args;
  const ids = [...new Set(input.productIds)];
  if (ids.length === 0) return { scored: [], dropTriggers: 0 };
  const rows = await ctx.db
    .select()
    .from(productsTable)
    .where(and(eq(productsTable.tenantId, ctx.tenantId), isNull(productsTable.deletedAt), sql`${productsTable.id} in (select value from json_each(${JSON.stringify(ids)}))`));
  if (rows.length === 0) return { scored: [], dropTriggers: 0 };

  const now = Date.now();
  const computed = rows.map((row) => ({ row, ...scoreProduct(row) }));
  const payload = computed.map(({ row, score, recommendations }) => ({ id: row.id, score, recommendations, updatedAt: row.updatedAt.getTime(), previous: row.aiScore }));
  const results = await ctx.d1.batch<{ id: string }>(jsonChunks(payload).map((json) => ctx.d1.prepare(STORE_SCORES).bind(ctx.tenantId, now, json)));
  const stored = new Set(results.flatMap((result) => result.results.map((written) => written.id)));

  const scored = computed
    .filter(({ row }) => stored.has(row.id))
    .map(({ row, score, recommendations }) => ({
      id: row.id,
      shopifyProductId: row.shopifyProductId,
      title: row.title,
      score,
      previousScore: row.aiScore,
      recommendations,
      scoredAt: new Date(Math.max(now, row.updatedAt.getTime())),
    }));
  let dropTriggers = 0;
  for (const product of scored) {
    if (product.previousScore === null || product.shopifyProductId === null || product.score >= product.previousScore) continue;
    const change = { shopifyProductId: product.shopifyProductId, title: product.title, previousScore: product.previousScore, score: product.score };
    if (await requestAiScoreDropped({ ctx, input: change })) dropTriggers++;
  }
  return { scored, dropTriggers };
}
