import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import type { BackfillView } from "../../services/backfill/describe-backfill.ts";
import { loadBackfillStatus } from "../../services/backfill/load-backfill-status.ts";
import { queueBackfill } from "../../services/backfill/queue-backfill.ts";
import { findTenantByShop } from "../../services/tenants/find-tenant.ts";
import { readInput } from "../../http/read-input.ts";
import { forTenant, type TenantAccess } from "../../context/deps.ts";

const ShopInput = z.object({ shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "a shop domain such as acme.myshopify.com") });

export type OpsBackfillResponse = { tenantId: string; backfill: BackfillView };

/** `GET /ops/backfill?shop=` (progress) and `POST /ops/backfill?shop=` (re-run it), used by `npm run ops -- backfill …`. */
export function registerBackfills(app: Hono<AppEnv>): void {
  const tenantOf = async (deps: AppEnv["Variables"]["deps"], query: unknown, access: TenantAccess) => {
    const { shop } = readInput(ShopInput, query);
    const tenant = await findTenantByShop({ ctx: deps, input: { shop } });
    if (!tenant || tenant.status === "uninstalled") throw new AppError("not_found", `No installed tenant for ${shop}.`);
    return forTenant(deps, tenant.id, { access });
  };

  app.get("/backfill", async (c) => {
    const ctx = await tenantOf(c.get("deps"), c.req.query(), "read");
    return c.json({ tenantId: ctx.tenantId, backfill: await loadBackfillStatus({ ctx }) } satisfies OpsBackfillResponse);
  });

  app.post("/backfill", async (c) => {
    const ctx = await tenantOf(c.get("deps"), c.req.query(), "write");
    const queued = await queueBackfill({ ctx, input: { reason: "operator" } });
    if (!queued.ok) throw new AppError("conflict", `A backfill is already running (job ${queued.error.jobId}).`);
    return c.json({ tenantId: ctx.tenantId, backfill: await loadBackfillStatus({ ctx }) } satisfies OpsBackfillResponse, 202);
  });
}
