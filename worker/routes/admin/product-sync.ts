import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { CRONS } from "../../crons.ts";
import { getMetafieldPush, type MetafieldPushStatus } from "../../services/catalog/metafields/get-metafield-push.ts";
import type { PushJobView } from "../../services/catalog/metafields/push-job.ts";
import { requestMetafieldPush } from "../../services/catalog/metafields/request-metafield-push.ts";
import { getProductSyncSettings, updateProductSyncSettings, UpdateProductSyncInput, type ProductSyncSettings } from "../../services/catalog/product-sync-settings.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateJson } from "../../http/validate-input.ts";

export type ProductSyncResponse = { settings: ProductSyncSettings; push: MetafieldPushStatus & { schedule: string } };
export type UpdateProductSyncBody = z.input<typeof UpdateProductSyncInput>;
export type StartPushResponse = { job: PushJobView; started: boolean };

/**
 * Product sync and Settings: `GET /product-sync` (switches, the metafield push now and last), `PUT /product-sync`
 * `{ inbound?, outbound? }`, `POST /product-sync/push` (push now; joins a push already queued or running).
 */
export const productSyncRoutes = new Hono<AppEnv>()
  .get("/product-sync", async (c) => {
    const ctx = await tenantContext(c);
    const [settings, push] = await Promise.all([getProductSyncSettings({ ctx }), getMetafieldPush({ ctx })]);
    return c.json({ settings, push: { ...push, schedule: CRONS.metafieldPush } } satisfies ProductSyncResponse);
  })
  .put("/product-sync", validateJson(UpdateProductSyncInput), async (c) => {
    const settings = await updateProductSyncSettings({ ctx: await tenantContext(c), input: c.req.valid("json") });
    return c.json(settings satisfies ProductSyncSettings);
  })
  .post("/product-sync/push", async (c) => {
    const requested = await requestMetafieldPush({ ctx: await tenantContext(c), input: { reason: "manual", now: Date.now() } });
    return c.json(requested satisfies StartPushResponse, 202);
  });
