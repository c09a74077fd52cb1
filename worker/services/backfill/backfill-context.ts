import type { TenantObject } from "../../../durable-objects/tenant-object.ts";
import type { BackfillMessage } from "../../../queues/backfill-messages.ts";
import { createAdminClient, type AdminClient } from "../../shopify/admin-graphql.ts";
import { forTenant, type Deps, type TenantContext } from "../../context/deps.ts";
import { dropRedactedSubjects, writeIngestPlan, type IngestPlan } from "../ingest/index.ts";
import { findTenantsWithRedactions } from "../privacy/index.ts";
import { tenantObject } from "../../context/tenant-object.ts";

export type BackfillTenant = Pick<
  TenantObject,
  | "backfillState"
  | "beginBackfill"
  | "updateBackfill"
  | "claimBackfillChunk"
  | "commitBackfillChunk"
  | "stageBackfillLines"
  | "readBackfillRoots"
  | "clearBackfillLines"
  | "getSetup"
  | "updateSetupStep"
>;

/**
 * Sizes that keep one queue invocation inside Workers limits (128 MB, 1,000 subrequests and D1 queries, CPU):
 * a downloaded chunk of a few MB, a written chunk of five thousand records as one D1 batch, a few seconds per message.
 */
export type BackfillLimits = { stageBytes: number; writeRoots: number; invocationMs: number; leaseMs: number };

export const BACKFILL_LIMITS: BackfillLimits = { stageBytes: 4_000_000, writeRoots: 5_000, invocationMs: 15_000, leaseMs: 30_000 };

export type BackfillContext = TenantContext & {
  admin: AdminClient;
  tenant: BackfillTenant;
  send(message: BackfillMessage, options?: { delaySeconds?: number }): Promise<void>;
  writePlan(plan: IngestPlan): Promise<void>;
  limits: BackfillLimits;
};

/** The context of backfill work on one tenant (its shard, Admin API client, Durable Object and queue); `overrides` are for tests. */
export async function createBackfillContext(args: { ctx: Deps; input: { tenantId: string; overrides?: Partial<BackfillContext> } }): Promise<BackfillContext> {
  const { ctx: deps, input } = args;
  const { tenantId } = input;
  const ctx = await forTenant(deps, tenantId);
  const tenant = tenantObject(deps.env, tenantId);
  return {
    ...ctx,
    admin: createAdminClient(deps.config, tenant),
    tenant,
    send: async (message, options) => {
      await deps.env.BACKFILL_QUEUE.send(message, options);
    },
    writePlan: async (plan) => {
      // A chunk in flight when a customer was redacted must not write them back.
      const tenantsWithRedactions = await findTenantsWithRedactions({ ctx, input: { tenantIds: [tenantId] } });
      await dropRedactedSubjects({ ctx, input: { plans: [plan], tenantsWithRedactions } });
      await writeIngestPlan({ ctx, input: { plan } });
    },
    limits: BACKFILL_LIMITS,
    ...input.overrides,
  };
}
