import type { TenantContext } from "../../context/deps.ts";
import { profilesTable } from "../../db/schema/index.ts";
import { tableNames } from "../../db/sql-names.ts";
import type { SegmentKind } from "./dsl/index.ts";

export type SuggestionStats = { highValueSpend: number };

export type SuggestionDefinition = { key: string; name: string; kind: SegmentKind; description: string; query: (stats: SuggestionStats) => string };

/**
 * Segments worth having on day one, shown once the backfill is in. Lapsed means no order for 60 days: the
 * backfill holds 90 days of orders (60 without read_all_orders), so a longer gap could not be seen yet.
 */
export const SUGGESTED_SEGMENTS: readonly SuggestionDefinition[] = [
  {
    key: "high-value-repeat-buyers",
    name: "High-value repeat buyers",
    kind: "customer",
    description: "Customers with two or more orders whose spend is in the top quarter of repeat buyers.",
    query: ({ highValueSpend }) => `orders_count >= 2 and total_spent >= ${highValueSpend}`,
  },
  {
    key: "lapsed-customers",
    name: "Lapsed customers",
    kind: "customer",
    description: "Customers who ordered before but not in the last 60 days.",
    query: () => "orders_count >= 1 and last_order_date < -60d",
  },
  {
    key: "recent-cart-abandoners",
    name: "Recent cart abandoners",
    kind: "customer",
    description: "Customers who started a checkout or added to cart in the last 14 days without buying since.",
    query: () => "(checkout_start.count(14d) >= 1 or add_to_cart.count(14d) >= 1) and purchase.count(14d) = 0",
  },
  {
    key: "low-ai-readability",
    name: "Products AI assistants struggle to read",
    kind: "product",
    description: "Active products with an AI readability score under 50.",
    query: () => 'ai_readability_score < 50 and status = "active"',
  },
];

const DEFAULT_HIGH_VALUE_SPEND = 200;
const P = tableNames(profilesTable);
const REPEAT_BUYERS = `${P.$table} WHERE ${P.tenantId} = ?1 AND ${P.redactedAt} IS NULL AND ${P.ordersCount} >= 2`;

/** The spend that starts the top quarter of repeat buyers, rounded down to two significant digits. */
export async function suggestionStats(args: { ctx: TenantContext }): Promise<SuggestionStats> {
  const { ctx } = args;
  const row = await ctx.d1
    .prepare(
      `SELECT ${P.totalSpent} AS spend FROM ${REPEAT_BUYERS}
       ORDER BY ${P.totalSpent} DESC LIMIT 1
       OFFSET (SELECT count(*) / 4 FROM ${REPEAT_BUYERS})`,
    )
    .bind(ctx.tenantId)
    .first<{ spend: number }>();
  if (!row || row.spend <= 0) return { highValueSpend: DEFAULT_HIGH_VALUE_SPEND };
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(row.spend)) - 1);
  return { highValueSpend: Math.floor(row.spend / unit) * unit };
}
