import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { validateQuery } from "../../http/validate-input.ts";
import { describeMove, describeTenantShard, listTenantMoves, type TenantMoveView, type TenantShardView } from "../../services/shards/describe-tenant-moves.ts";
import { createMoveContext } from "../../services/shards/move-context.ts";
import { startTenantMove } from "../../services/shards/start-tenant-move.ts";
import { findTenantByShop } from "../../services/tenants/find-tenant.ts";

const shop = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "a shop domain such as acme.myshopify.com");
const WhereQuery = z.object({ shop });
const MovesQuery = z.object({ shop: shop.optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });
const MoveQuery = z.object({ shop, to: z.string().regex(/^(DB|SHARD_\d+)$/, "a D1 binding: SHARD_<n>, or DB") });

export type OpsTenantWhereResponse = TenantShardView;
export type OpsTenantMovesResponse = { data: TenantMoveView[] };
export type OpsTenantMoveResponse = { move: TenantMoveView; resumed: boolean };

async function tenantIdOf(deps: AppEnv["Variables"]["deps"], domain: string): Promise<string> {
  const tenant = await findTenantByShop({ ctx: deps, input: { shop: domain } });
  if (!tenant) throw new AppError("not_found", `No tenant for ${domain}.`);
  return tenant.id;
}

/**
 * `GET /ops/tenant/where?shop=` (the directory entry and latest moves), `GET /ops/tenant/moves?shop=&limit=`, and
 * `POST /ops/tenant/move?shop=&to=` (start the move, or resume the open one): `npm run ops -- tenant …`.
 */
export const tenantMovesRoutes = new Hono<AppEnv>()
  .get("/tenant/where", validateQuery(WhereQuery), async (c) => {
    const deps = c.get("deps");
    const tenantId = await tenantIdOf(deps, c.req.valid("query").shop);
    return c.json((await describeTenantShard({ ctx: deps, input: { tenantId, limit: 5 } })) satisfies OpsTenantWhereResponse);
  })
  .get("/tenant/moves", validateQuery(MovesQuery), async (c) => {
    const deps = c.get("deps");
    const query = c.req.valid("query");
    if (!query.shop) return c.json({ data: await listTenantMoves({ ctx: deps, input: { limit: query.limit } }) } satisfies OpsTenantMovesResponse);
    const tenantId = await tenantIdOf(deps, query.shop);
    return c.json({ data: (await describeTenantShard({ ctx: deps, input: { tenantId, limit: query.limit } })).moves } satisfies OpsTenantMovesResponse);
  })
  .post("/tenant/move", validateQuery(MoveQuery), async (c) => {
    const deps = c.get("deps");
    const query = c.req.valid("query");
    const tenantId = await tenantIdOf(deps, query.shop);
    const started = await startTenantMove({ ctx: createMoveContext(deps), input: { tenantId, to: query.to, now: Date.now() } });
    if (started.ok) return c.json({ move: describeMove(started.value.move), resumed: started.value.resumed } satisfies OpsTenantMoveResponse, 202);
    switch (started.error.reason) {
      case "unknown_shard":
        throw new AppError("validation_failed", `to: ${query.to} is not a D1 binding of this worker.`);
      case "no_directory_entry":
        throw new AppError("conflict", `${query.shop} has no entry in the shard directory.`);
      case "already_there":
        throw new AppError("conflict", `${query.shop} is already on ${started.error.shard}.`);
      case "other_move_open":
        throw new AppError("conflict", `${query.shop} is being moved to ${started.error.move.toShard} (move ${started.error.move.id}); let it finish first.`);
    }
  });
