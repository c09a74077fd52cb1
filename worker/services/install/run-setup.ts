import { and, eq } from "drizzle-orm";
import type { SetupState, SetupStep } from "./setup-state.ts";
import { tenantsTable } from "../../db/schema/index.ts";
import { errorMessage } from "../../lib/log.ts";
import type { AdminClient } from "../../shopify/admin-graphql.ts";
import { controlDeps, type TenantContext } from "../../context/deps.ts";
import { findTenantById } from "../tenants/find-tenant.ts";
import { SETUP_STEPS, type SetupStepKey, type SetupStepRun, type StepOutcome } from "./setup-steps.ts";
import { activatePixel } from "./steps/activate-pixel.ts";
import { defineMetafields } from "./steps/define-metafields.ts";
import { ensureKeys } from "./steps/ensure-keys.ts";
import { requestBackfill } from "./steps/request-backfill.ts";
import { subscribeWebhooks } from "./steps/subscribe-webhooks.ts";

const STEP_RUNS: Record<SetupStepKey, SetupStepRun> = {
  keys: ensureKeys,
  webhooks: subscribeWebhooks,
  pixel: activatePixel,
  metafields: defineMetafields,
  backfill: requestBackfill,
};

const MAX_ATTEMPTS = 8;

export type SetupStore = {
  getSetup(): Promise<SetupState>;
  updateSetupStep(step: string, update: Omit<SetupStep, "updatedAt">): Promise<SetupState>;
  stashServerKey(keyId: string, secret: string): Promise<void>;
};

export type SetupRunResult = { complete: boolean; retryInMs: number | null };

/**
 * Runs the install steps in order, skipping those already done, so a crash at any point resumes where it
 * stopped. Every step is idempotent against Shopify and D1, so a step interrupted half-way can run again.
 */
export async function runSetup(args: { ctx: TenantContext & { admin: AdminClient; store: SetupStore } }): Promise<SetupRunResult> {
  const { store, ...ctx } = args.ctx;
  const tenant = await findTenantById({ ctx: controlDeps(ctx), input: { tenantId: ctx.tenantId } });
  if (!tenant || tenant.status === "uninstalled") return { complete: false, retryInMs: null };
  const setup = await store.getSetup();
  for (const { key } of SETUP_STEPS) {
    const previous = setup[key];
    if (previous?.status === "done") continue;
    const attempts = (previous?.attempts ?? 0) + 1;
    await store.updateSetupStep(key, { status: "running", attempts });
    let outcome: StepOutcome;
    try {
      outcome = await STEP_RUNS[key]({ ctx: { ...ctx, tenant, stashServerKey: store.stashServerKey } });
    } catch (error) {
      outcome = { ok: false as const, retry: true, error: `Unexpected failure: ${errorMessage(error)}` };
    }
    if (outcome.ok) {
      await store.updateSetupStep(key, { status: "done", attempts, ...(outcome.detail ? { detail: outcome.detail } : {}) });
      continue;
    }
    const willRetry = outcome.retry && attempts < MAX_ATTEMPTS;
    await store.updateSetupStep(key, { status: "failed", attempts, error: outcome.error });
    ctx.log.warn("setup step failed", { tenant: ctx.tenantId, step: key, attempts, retry: willRetry, error: outcome.error });
    return { complete: false, retryInMs: willRetry ? Math.min(2 ** attempts * 1000, 5 * 60_000) : null };
  }
  const now = new Date();
  await ctx.control.db
    .update(tenantsTable)
    .set({ status: "active", updatedAt: now })
    .where(and(eq(tenantsTable.id, ctx.tenantId), eq(tenantsTable.status, "installing")));
  return { complete: true, retryInMs: null };
}
