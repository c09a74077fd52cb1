import type { BackfillFailure } from "../../../durable-objects/backfill-progress.ts";
import type { AdminGraphqlError } from "../../shopify/admin-graphql.ts";

const RERUN = "start the backfill again from the dashboard (records already written are not written twice)";

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** An Admin API failure that waiting will not fix, as what happened and what the merchant can do about it. */
export function adminFailure(what: string, error: AdminGraphqlError): BackfillFailure {
  switch (error.kind) {
    case "access_denied":
      return { message: `Shopify refused access to ${what}: a permission is missing.`, action: `Approve the app's permissions again in Shopify admin, then ${RERUN}.` };
    case "not_installed":
    case "reauth_required":
      return { message: `SegOps has no valid access to the shop, so ${what} could not be read.`, action: `Open SegOps from your Shopify admin to reconnect it, then ${RERUN}.` };
    case "graphql":
    case "unavailable":
      return { message: `Shopify rejected the export of ${what} (${error.message}).`, action: `Wait a few minutes, then ${RERUN}; if it fails again, contact SegOps support.` };
  }
}

/** A bulk export Shopify itself stopped (`FAILED`, `CANCELED`, `EXPIRED`). */
export function exportFailure(what: string, status: string, errorCode: string | null): BackfillFailure {
  if (errorCode === "ACCESS_DENIED") return adminFailure(what, { kind: "access_denied", message: errorCode });
  const why = errorCode ? `${status.toLowerCase()}, ${errorCode.toLowerCase()}` : status.toLowerCase();
  return { message: `Shopify's export of ${what} did not complete (${why}).`, action: `${capitalise(RERUN)}.` };
}

export function fileFailure(what: string, status: number): BackfillFailure {
  return { message: `The export file of ${what} could not be read (HTTP ${status}); Shopify keeps it for 7 days.`, action: `${capitalise(RERUN)}.` };
}
