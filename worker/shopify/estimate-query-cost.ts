const MUTATION_COST = 10;

/**
 * A cautious up-front estimate of Shopify's requested cost, used to reserve bucket points before the call
 * (the response's actual cost is refunded right after): connections cost 2 + their page size.
 */
export function estimateQueryCost(query: string): number {
  if (/^\s*mutation\b/.test(query)) return MUTATION_COST;
  let cost = 1;
  for (const match of query.matchAll(/\b(?:first|last)\s*:\s*(\d+)/g)) cost += 2 + Number(match[1]);
  return Math.min(cost, 1000);
}
