/** The Pub/Sub push account `npm start` and the tests sign as; production must never trust it. */
export const LOCAL_PUBSUB_SERVICE_ACCOUNT = "shopify-pubsub@segops-local.iam.gserviceaccount.com";
const GOOGLE_JWKS_HOST = "www.googleapis.com";

type PubsubVars = {
  ENVIRONMENT: "development" | "production";
  PUBSUB_AUDIENCE?: string | undefined;
  PUBSUB_SERVICE_ACCOUNT?: string | undefined;
  PUBSUB_JWKS_URL?: string | undefined;
  WEBHOOK_PUBSUB_URI?: string | undefined;
};

export type ConfigRefusal = { variable: string; message: string };

function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || host.startsWith("127.") || host === "0.0.0.0";
}

function localAudience(audience: string): boolean {
  if (!URL.canParse(audience)) return false;
  const url = new URL(audience);
  return url.protocol !== "https:" || isLocalHost(url.hostname);
}

/**
 * Pub/Sub settings the app refuses to run with. A half-set bridge, or data topics sent to a bridge that answers 404,
 * would lose deliveries anywhere; in production, a local audience, account or signing-key URL would let whoever
 * runs a local simulator sign pushes the app trusts.
 */
export function productionRefusals(vars: PubsubVars): ConfigRefusal[] {
  const refusals: ConfigRefusal[] = [];
  const set = [vars.PUBSUB_AUDIENCE, vars.PUBSUB_SERVICE_ACCOUNT, vars.PUBSUB_JWKS_URL].filter((value) => value !== undefined).length;
  if (set !== 0 && set !== 3) {
    refusals.push({ variable: "PUBSUB_AUDIENCE", message: "set PUBSUB_AUDIENCE, PUBSUB_SERVICE_ACCOUNT and PUBSUB_JWKS_URL together, or none of them" });
  }
  if (vars.WEBHOOK_PUBSUB_URI && set !== 3) {
    refusals.push({ variable: "WEBHOOK_PUBSUB_URI", message: "data topics would go to Pub/Sub, but the Pub/Sub bridge is not configured" });
  }
  if (vars.ENVIRONMENT !== "production") return refusals;
  if (vars.PUBSUB_AUDIENCE && localAudience(vars.PUBSUB_AUDIENCE)) {
    refusals.push({ variable: "PUBSUB_AUDIENCE", message: "a local audience (not https, or a loopback host) is refused in production" });
  }
  if (vars.PUBSUB_SERVICE_ACCOUNT?.toLowerCase() === LOCAL_PUBSUB_SERVICE_ACCOUNT) {
    refusals.push({ variable: "PUBSUB_SERVICE_ACCOUNT", message: "the local service account is refused in production" });
  }
  if (vars.PUBSUB_JWKS_URL && !vars.PUBSUB_JWKS_URL.startsWith(`https://${GOOGLE_JWKS_HOST}/`)) {
    refusals.push({ variable: "PUBSUB_JWKS_URL", message: `only Google's keys (https://${GOOGLE_JWKS_HOST}/…) are trusted in production` });
  }
  return refusals;
}
