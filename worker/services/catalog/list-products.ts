import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { productsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

export const SCORE_BANDS = { low: [0, 49], fair: [50, 79], good: [80, 100] } as const;

export const ListProductsInput = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  sort: z.enum(["score", "title", "updated", "mentions"]).default("score"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  band: z.enum(["low", "fair", "good", "unscored"]).optional(),
  vendor: z.string().max(255).optional(),
  type: z.string().max(255).optional(),
  hasRecommendations: z.enum(["true", "false"]).optional(),
  q: z.string().max(255).optional(),
});

export type ProductRowView = {
  id: string;
  shopifyProductId: string | null;
  title: string;
  vendor: string | null;
  productType: string | null;
  score: number | null;
  recommendations: number;
  /** The fix worth most points, first of the ranked recommendations. */
  topRecommendation: { code: string; points: number } | null;
  mentionCount30d: number;
  metafieldsPushedAt: string | null;
  outbound: { state: "pending" | "pushed" | "failed"; error: string | null } | null;
  updatedAt: string;
};

export type ProductsPage = { data: ProductRowView[]; page: number; limit: number; total: number };

const recommendationCount = sql<number>`coalesce(json_array_length(${productsTable.aiRecommendations}), 0)`;

function filters(ctx: TenantContext, input: z.output<typeof ListProductsInput>): SQL | undefined {
  const band = input.band && input.band !== "unscored" ? SCORE_BANDS[input.band] : null;
  return and(
    eq(productsTable.tenantId, ctx.tenantId),
    isNull(productsTable.deletedAt),
    input.band === "unscored" ? isNull(productsTable.aiScore) : undefined,
    band ? and(gte(productsTable.aiScore, band[0]), lt(productsTable.aiScore, band[1] + 1)) : undefined,
    input.vendor !== undefined ? eq(productsTable.vendor, input.vendor) : undefined,
    input.type !== undefined ? eq(productsTable.productType, input.type) : undefined,
    input.hasRecommendations === "true" ? sql`${recommendationCount} > 0` : undefined,
    input.hasRecommendations === "false" ? and(isNotNull(productsTable.aiScore), sql`${recommendationCount} = 0`) : undefined,
    input.q ? sql`${productsTable.title} like ${`%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'` : undefined,
  );
}

const SORTS = { score: productsTable.aiScore, title: productsTable.title, updated: productsTable.updatedAt, mentions: productsTable.mentionCount30d };

/** One page of the catalog's scores, filtered and sorted on the server; unscored products sort after scored ones. */
export async function listProducts(args: { ctx: TenantContext; input: z.output<typeof ListProductsInput> }): Promise<ProductsPage> {
  const { ctx, input } = args;
  const { db } = openLaggedReads(ctx);
  const where = filters(ctx, input);
  const by = input.direction === "desc" ? desc : asc;
  const [rows, total] = await Promise.all([
    db
      .select({
        id: productsTable.id,
        shopifyProductId: productsTable.shopifyProductId,
        title: productsTable.title,
        vendor: productsTable.vendor,
        productType: productsTable.productType,
        score: productsTable.aiScore,
        recommendations: productsTable.aiRecommendations,
        mentionCount30d: productsTable.mentionCount30d,
        metafieldsPushedAt: productsTable.metafieldsPushedAt,
        outboundState: productsTable.outboundState,
        outboundError: productsTable.outboundError,
        updatedAt: productsTable.updatedAt,
      })
      .from(productsTable)
      .where(where)
      .orderBy(sql`${SORTS[input.sort]} is null`, by(SORTS[input.sort]), by(productsTable.id))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ n: count() }).from(productsTable).where(where).get(),
  ]);
  return {
    data: rows.map((row) => ({
      id: row.id,
      shopifyProductId: row.shopifyProductId,
      title: row.title,
      vendor: row.vendor,
      productType: row.productType,
      score: row.score,
      recommendations: row.recommendations?.length ?? 0,
      topRecommendation: row.recommendations?.[0] ? { code: row.recommendations[0].code, points: row.recommendations[0].points } : null,
      mentionCount30d: row.mentionCount30d,
      metafieldsPushedAt: row.metafieldsPushedAt?.toISOString() ?? null,
      outbound: row.outboundState ? { state: row.outboundState, error: row.outboundError } : null,
      updatedAt: row.updatedAt.toISOString(),
    })),
    page: input.page,
    limit: input.limit,
    total: total?.n ?? 0,
  };
}
