import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import { productsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { scoreProducts } from "./score-products.ts";

export type ScoreChangedOutcome = { scored: number; dropTriggers: number; more: boolean };

/** Scores up to `limit` of this tenant's products never scored or changed since their last score, oldest change first. */
export async function scoreChangedProducts(args: { ctx: TenantContext; input: { limit: number } }): Promise<ScoreChangedOutcome> {
  const { ctx, input } = args;
  const due = await ctx.db
    .select({ id: productsTable.id })
    .from(productsTable)
    .where(
      and(
        eq(productsTable.tenantId, ctx.tenantId),
        isNull(productsTable.deletedAt),
        or(isNull(productsTable.aiScoredAt), gt(productsTable.updatedAt, productsTable.aiScoredAt)),
      ),
    )
    .orderBy(asc(productsTable.updatedAt))
    .limit(input.limit);
  const outcome = await scoreProducts({ ctx, input: { productIds: due.map((row) => row.id) } });
  return { scored: outcome.scored.length, dropTriggers: outcome.dropTriggers, more: due.length === input.limit };
}
