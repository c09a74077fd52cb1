import {
  apiKeysTable,
  billingSubscriptionsTable,
  billingTrialsTable,
  connectLinksTable,
  shopCredentialsTable,
  shopTombstonesTable,
  tenantSettingsTable,
  tenantShardsTable,
  tenantsTable,
  tenantTombstonesTable,
  usageCountersTable,
} from "../schema/index.ts";
import { classify } from "./classification-types.ts";

const NO_CUSTOMER_DATA = { action: "keep", why: "no customer data" } as const;
const AFTER_SHOP_REDACT = "until shop/redact";

/** The workspace, its credentials, keys, settings and billing: the merchant's data, erased by shop/redact. */
export const TENANT_TABLES = [
  classify({
    table: tenantsTable,
    scope: "tenant",
    columns: {
      id: "none", slug: "merchant", shopDomain: "merchant", shopGid: "merchant", shopName: "merchant", currency: "none", status: "none",
      grantedScopes: "none", webhooksRevision: "none", installedAt: "none", uninstalledAt: "none", createdAt: "none", updatedAt: "none",
    },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: tenantsTable.id },
    retention: "kept through uninstall (a reinstall finds its data) until shop/redact, 48 hours after uninstall",
  }),
  classify({
    table: shopCredentialsTable,
    scope: "tenant",
    columns: {
      tenantId: "none", shopDomain: "merchant", accessTokenCiphertext: "merchant", accessTokenExpiresAt: "none", refreshTokenCiphertext: "merchant",
      refreshTokenExpiresAt: "none", scopes: "none", updatedAt: "none",
    },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: shopCredentialsTable.tenantId },
    retention: "deleted on app/uninstalled",
  }),
  classify({
    table: tenantShardsTable,
    scope: "tenant",
    columns: { tenantId: "none", shard: "none", updatedAt: "none" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: tenantShardsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: apiKeysTable,
    scope: "tenant",
    columns: { id: "none", tenantId: "none", kind: "none", publicKey: "none", secretHash: "none", hint: "none", createdAt: "none", revokedAt: "none", lastUsedAt: "none" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: apiKeysTable.tenantId },
    retention: "revoked keys kept (audit) until shop/redact, which deletes every key: nothing authenticates as the tenant after it",
  }),
  classify({
    table: connectLinksTable,
    scope: "tenant",
    columns: { id: "none", tenantId: "none", expiresAt: "none", usedAt: "none", usedByShop: "merchant", createdAt: "none" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: connectLinksTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: tenantSettingsTable,
    scope: "tenant",
    columns: {
      tenantId: "none", trackedEvents: "none", samplingPercent: "none", productSyncInbound: "none", productSyncOutbound: "none",
      eventRetentionDays: "none", hotWindowDays: "none", updatedAt: "none",
    },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: tenantSettingsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: billingSubscriptionsTable,
    scope: "tenant",
    columns: {
      tenantId: "none", subscriptionGid: "merchant", plan: "none", status: "none", statusAt: "none", test: "none", trialDays: "none",
      createdAt: "none", approvedAt: "none", activatedAt: "none", endedAt: "none", currentPeriodEnd: "none", trialCounted: "none",
      updatedAt: "none",
    },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: billingSubscriptionsTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: billingTrialsTable,
    scope: "global",
    columns: { shopHash: "none", daysUsed: "none", updatedAt: "none" },
    notes: { shopHash: "HMAC of the shop's domain (privacy's shop tombstone hash); the domain is never stored" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "keep", why: "a trial is once per shop, also after erasure: a keyed hash and a day count, nothing that names the shop" },
    retention: "forever (a keyed hash and a day count)",
  }),
  classify({
    table: usageCountersTable,
    scope: "tenant",
    columns: { tenantId: "none", period: "none", events: "none", updatedAt: "none" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "delete_rows", byTenant: usageCountersTable.tenantId },
    retention: AFTER_SHOP_REDACT,
  }),
  classify({
    table: tenantTombstonesTable,
    scope: "global",
    columns: { tenantHash: "none", redactedAt: "none" },
    notes: { tenantHash: "HMAC of an erased tenant's id; the id itself is gone" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "keep", why: "written by shop/redact: it is how queued messages of the erased tenant are dropped" },
    retention: "forever (a keyed hash and a time)",
  }),
  classify({
    table: shopTombstonesTable,
    scope: "global",
    columns: { shopHash: "none", redactedAt: "none", trialDaysUsed: "none" },
    notes: { shopHash: "HMAC of an erased shop's domain; the domain itself is gone" },
    customerRedact: NO_CUSTOMER_DATA,
    shopRedact: { action: "keep", why: "written by shop/redact: drops late deliveries and keeps the trial-used fact for billing" },
    retention: "forever (a keyed hash, a time and a day count)",
  }),
];
