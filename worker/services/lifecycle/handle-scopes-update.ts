import { eq } from "drizzle-orm";
import { z } from "zod";
import { tenantsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { tenantObject } from "../../context/tenant-object.ts";

const ScopesUpdateSchema = z.object({ current: z.array(z.string()) });

/** `app/scopes_update`: remember what is granted now; the admin compares it with the declared scopes for its banner. */
export async function handleScopesUpdate(ctx: TenantContext, payload: unknown, now = Date.now()): Promise<boolean> {
  const parsed = ScopesUpdateSchema.safeParse(payload);
  if (!parsed.success) return false;
  await ctx.db
    .update(tenantsTable)
    .set({ grantedScopes: parsed.data.current.join(","), updatedAt: new Date(now) })
    .where(eq(tenantsTable.id, ctx.tenantId));
  await tenantObject(ctx.env, ctx.tenantId).clearAccessDenied();
  return true;
}
