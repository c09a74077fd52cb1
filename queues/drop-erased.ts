import type { Deps } from "../worker/context/deps.ts";
import { findErasedTenants } from "../worker/services/privacy/index.ts";

const tenantOf = (body: unknown) => (body && typeof body === "object" && "tenantId" in body && typeof body.tenantId === "string" ? body.tenantId : null);

/**
 * Tenants of this batch erased by shop/redact (one query): a consumer acks their messages without running them,
 * since running one would write the tenant's data again.
 */
export async function erasedTenantsOf(batch: MessageBatch<unknown>, deps: Deps): Promise<Set<string>> {
  const tenantIds = batch.messages.flatMap((message) => tenantOf(message.body) ?? []);
  return tenantIds.length === 0 ? new Set() : findErasedTenants({ ctx: deps, input: { tenantIds } });
}

export function isErased(erased: ReadonlySet<string>, body: { tenantId: string }, deps: Deps): boolean {
  if (!erased.has(body.tenantId)) return false;
  deps.log.info("message of an erased tenant dropped", { tenant: body.tenantId });
  return true;
}
