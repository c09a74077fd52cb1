import { tenantControl } from "../../../context/deps.ts";
import { ensureKeys as ensureTenantKeys } from "../../keys/ensure-keys.ts";
import type { SetupStepRun } from "../setup-steps.ts";

/** The tenant's keys, in the control database (the server-key middleware finds a key's tenant before any shard). */
export const ensureKeys: SetupStepRun = async ({ ctx }) => {
  await ensureTenantKeys({ ctx: tenantControl(ctx), input: { stashServerKey: ctx.stashServerKey } });
  return { ok: true, detail: "public key and server key ready" };
};
