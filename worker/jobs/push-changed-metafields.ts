import { listActiveTenantIds } from "./list-active-tenants.ts";
import type { CronJob } from "./types.ts";

export const pushChangedMetafields: CronJob = async (deps) => {
  const tenants = await listActiveTenantIds(deps);
  return { tenants: tenants.length };
};
