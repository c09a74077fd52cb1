import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { listSegmentMembers, ListSegmentMembersInput, type SegmentMembersPage } from "../../services/segments/list-segment-members.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { slugParam } from "../../http/slug-param.ts";

export type ListSegmentMembersResponse = SegmentMembersPage;

/** `GET /segments/:slug/members?limit=&cursor=` → `{ data, nextCursor, count }` of current members. */
export const listSegmentMembersRoute = new Hono<AppEnv>()
  .get("/segments/:slug/members", slugParam(), validateQuery(ListSegmentMembersInput), async (c) => {
    const { slug } = c.req.valid("param");
    const query = c.req.valid("query");
    const page = await listSegmentMembers({ ctx: await tenantContext(c), input: { slug, ...query } });
    if (!page.ok) throw new AppError(page.error.reason === "not_found" ? "not_found" : "validation_failed", page.error.message);
    return c.json(page.value satisfies ListSegmentMembersResponse);
  });
