import type { Deps } from "../../context/deps.ts";
import { adminClientOf } from "../../context/admin-context.ts";
import type { LifecyclePlan } from "./lifecycle-plan.ts";

export const CONFIRM_INSTALLED_QUERY = "query ConfirmInstalled { shop { id } }";

/**
 * Asks Shopify whether each planned uninstall is real, since a genuine old `app/uninstalled` body can be replayed
 * with fresh headers: a 401 (or no stored token) confirms it; an answer means the app is still installed, and the
 * reason is returned so the caller ignores the delivery. Shopify unavailable throws: the message is retried.
 */
export async function refuseUnconfirmedUninstalls(args: { ctx: Deps; input: { plan: Pick<LifecyclePlan, "uninstalls"> } }): Promise<string | null> {
  const { ctx, input } = args;
  for (const { tenantId } of input.plan.uninstalls) {
    const answer = await adminClientOf(ctx, tenantId).request<{ shop: { id: string } }>(CONFIRM_INSTALLED_QUERY);
    if (answer.ok || answer.error.kind === "access_denied") {
      return "app/uninstalled not confirmed: Shopify still accepts the shop's access token, so the app is installed";
    }
    if (answer.error.kind !== "not_installed" && answer.error.kind !== "reauth_required") {
      throw new Error(`Shopify could not confirm app/uninstalled: ${answer.error.message}`);
    }
  }
  return null;
}
