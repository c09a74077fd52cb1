import type { AdminClient } from "../../shopify/admin-graphql.ts";
import type { TenantContext } from "../../context/deps.ts";
import type { Tenant } from "../tenants/find-tenant.ts";

export const SETUP_STEPS = [
  { key: "keys", label: "Storefront and server keys" },
  { key: "webhooks", label: "Webhook subscriptions" },
  { key: "pixel", label: "Web pixel" },
  { key: "metafields", label: "Product metafield definitions" },
  { key: "backfill", label: "90-day history backfill" },
] as const;

export type SetupStepKey = (typeof SETUP_STEPS)[number]["key"];

export type SetupStepContext = TenantContext & {
  tenant: Tenant;
  admin: AdminClient;
  /** Keeps a freshly minted server key for the merchant to reveal once. */
  stashServerKey(keyId: string, secret: string): Promise<void>;
};

/** `retry`: a passing failure, the runner tries again later; `stop`: needs the merchant (re-auth, scopes). */
export type StepOutcome = { ok: true; detail?: string } | { ok: false; retry: boolean; error: string };

export type SetupStepRun = (args: { ctx: SetupStepContext }) => Promise<StepOutcome>;
