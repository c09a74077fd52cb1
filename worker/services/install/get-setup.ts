import type { TenantContext } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";
import { describeSetup, type SetupView } from "./describe-setup.ts";

/** The install steps as the dashboard shows them, read from the tenant's object, which runs them. */
export async function getSetup(args: { ctx: TenantContext }): Promise<SetupView> {
  return describeSetup(await tenantObject(args.ctx.env, args.ctx.tenantId).getSetup());
}
