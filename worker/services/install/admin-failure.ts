import type { AdminGraphqlError } from "../../shopify/admin-graphql.ts";
import type { StepOutcome } from "./setup-steps.ts";

/** Maps an Admin API failure to a step outcome: only unavailability is worth retrying without the merchant. */
export function adminFailure(action: string, error: AdminGraphqlError): StepOutcome {
  switch (error.kind) {
    case "unavailable":
      return { ok: false, retry: true, error: `${action}: Shopify is unavailable (${error.message}); retrying.` };
    case "access_denied":
      return { ok: false, retry: false, error: `${action}: a required scope is missing; approve the app's scopes again.` };
    case "not_installed":
    case "reauth_required":
      return { ok: false, retry: false, error: `${action}: SegOps has no valid access to the shop; open the app from Shopify admin.` };
    case "graphql":
      return { ok: false, retry: false, error: `${action}: Shopify rejected the request (${error.message}).` };
  }
}

export function userErrorsFailure(action: string, errors: { message: string }[]): StepOutcome {
  return { ok: false, retry: false, error: `${action}: ${errors.map((e) => e.message).join("; ")}` };
}
