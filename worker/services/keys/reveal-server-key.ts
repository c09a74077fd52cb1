import type { TenantControl } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";

/** The new server key's secret, exactly once: the tenant's object deletes it as it hands it out; null after that. */
export async function revealServerKey(args: { ctx: TenantControl }): Promise<{ keyId: string; secret: string } | null> {
  return tenantObject(args.ctx.env, args.ctx.tenantId).revealServerKey();
}
