import type { TenantContext } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { describeSetup, type SetupView } from "./describe-setup.ts";

/** Resumes a stopped setup from its first step not done; steps already done are skipped, so retrying is harmless. */
export async function retrySetup(args: { ctx: TenantContext }): Promise<SetupView> {
  const object = tenantObject(args.ctx.env, args.ctx.tenantId);
  await object.startSetup({ restart: false });
  return describeSetup(await object.getSetup());
}
