import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { deleteSegment } from "../../services/segments/delete-segment.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { slugParam } from "../../http/slug-param.ts";

/** `DELETE /segments/:slug` → 204; its `segops:` tags and native Shopify segment are removed by a queued push. */
export const deleteSegmentRoute = new Hono<AppEnv>()
  .delete("/segments/:slug", slugParam(), async (c) => {
    const { slug } = c.req.valid("param");
    if (!(await deleteSegment({ ctx: await tenantContext(c), input: { slug } }))) throw new AppError("not_found", `No segment ${slug} in this workspace.`);
    return c.body(null, 204);
  });
