import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { RecommendationRuleInput } from "../../services/landing-pages/landing-page-input.ts";
import { serveRecommendationStrip } from "../../services/landing-pages/serve-recommendation-strip.ts";
import { LIQUID_HEADERS, ProxyQuery } from "./proxy-query.ts";

const StripQuery = z.looseObject({
  ...ProxyQuery.shape,
  rule: RecommendationRuleInput.default("personal"),
  product_id: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  heading: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(12).default(4),
});

/** `GET /proxy/recommendations` (storefront `/apps/segops/recommendations`): the theme block's product strip, for this shopper. */
export const getRecommendationStripRoute = new Hono<AppEnv>().get("/recommendations", validateQuery(StripQuery), async (c) => {
  const query = c.req.valid("query");
  const liquid = await serveRecommendationStrip({
    ctx: await tenantContext(c),
    input: { rule: query.rule, productId: query.product_id ?? null, customerId: query.logged_in_customer_id, heading: query.heading ?? null, limit: query.limit },
  });
  return c.body(liquid, 200, LIQUID_HEADERS);
});
