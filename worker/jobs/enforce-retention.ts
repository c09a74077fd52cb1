import type { PrivacyMessage } from "../../queues/messages.ts";
import { tenantsTable } from "../db/schema/index.ts";
import { errorMessage } from "../lib/log.ts";
import { restoreArchivedDeadLetters } from "../services/dead-letters/restore-archived-dead-letters.ts";
import { deleteOrphanTenants } from "../services/tenants/delete-orphan-tenants.ts";
import type { CronJob } from "./types.ts";

const SEND_BATCH = 100;

/**
 * Nightly: tenant rows left by failed token exchanges are deleted; then one retention message per tenant (installed
 * or not: an uninstalled tenant's data ages too) and one for rows that belong to no tenant. Each runs in bounded
 * slices on the privacy queue, so tenants take turns.
 */
export const enforceRetention: CronJob = async (deps, now) => {
  const orphansDeleted = await deleteOrphanTenants({ ctx: deps, input: { now: now.getTime() } });
  const tenants = await deps.db.select({ id: tenantsTable.id }).from(tenantsTable);
  const messages: PrivacyMessage[] = [null, ...tenants.map((tenant) => tenant.id)].map((tenantId) => ({ type: "retention", tenantId, now: now.getTime() }));
  for (let i = 0; i < messages.length; i += SEND_BATCH) await deps.env.PRIVACY_QUEUE.sendBatch(messages.slice(i, i + SEND_BATCH).map((body) => ({ body })));
  // Dead letters archived while D1 failed come back where retention and privacy requests reach them.
  const archive = await restoreArchivedDeadLetters({ ctx: deps }).catch((error: unknown) => {
    deps.log.error("archived dead letters not restored", { error: errorMessage(error) });
    return { restored: 0 };
  });
  return { tenants: tenants.length, deadLettersRestored: archive.restored, orphansDeleted };
};
