import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { listSegmentMembers, ListSegmentMembersInput, type SegmentMembersPage } from "../../services/segments/list-segment-members.ts";
import { readInput } from "../../http/read-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { slugParam } from "../../http/slug-param.ts";

export type ListSegmentMembersResponse = SegmentMembersPage;

/** `GET /segments/:slug/members?limit=&cursor=` → `{ data, nextCursor, count }` of current members. */
export function registerListSegmentMembers(app: Hono<AppEnv>): void {
  app.get("/segments/:slug/members", async (c) => {
    const slug = slugParam(c);
    const query = readInput(ListSegmentMembersInput, c.req.query());
    const page = await listSegmentMembers({ ctx: tenantContext(c), input: { slug, ...query } });
    if (!page.ok) throw new AppError(page.error.reason === "not_found" ? "not_found" : "validation_failed", page.error.message);
    return c.json(page.value satisfies ListSegmentMembersResponse);
  });
}
