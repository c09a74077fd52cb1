import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { deleteSegment } from "../../services/segments/delete-segment.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { slugParam } from "../../http/slug-param.ts";

/** `DELETE /segments/:slug` → 204; its `segops:` tags and native Shopify segment are removed by a queued push. */
export function registerDeleteSegment(app: Hono<AppEnv>): void {
  app.delete("/segments/:slug", async (c) => {
    const slug = slugParam(c);
    if (!(await deleteSegment({ ctx: tenantContext(c), input: { slug } }))) throw new AppError("not_found", `No segment ${slug} in this workspace.`);
    return c.body(null, 204);
  });
}
