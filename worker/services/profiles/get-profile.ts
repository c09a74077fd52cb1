import { and, eq, isNull } from "drizzle-orm";
import { profilesTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";

export type ApiProfile = {
  id: string;
  shopifyCustomerId: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  tags: string[];
  emailMarketingState: string | null;
  smsMarketingState: string | null;
  ordersCount: number;
  totalSpent: number;
  currency: string | null;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** One profile of the caller's tenant; another tenant's id, or a redacted profile, reads as not found. */
export async function getProfile(args: { ctx: TenantContext; input: { id: string } }): Promise<ApiProfile | null> {
  const { ctx, input } = args;
  const row = await ctx.db
    .select()
    .from(profilesTable)
    .where(and(eq(profilesTable.tenantId, ctx.tenantId), eq(profilesTable.id, input.id), isNull(profilesTable.redactedAt)))
    .get();
  if (!row) return null;
  return {
    id: row.id,
    shopifyCustomerId: row.shopifyCustomerId,
    email: row.email,
    phone: row.phone,
    firstName: row.firstName,
    lastName: row.lastName,
    country: row.country,
    tags: row.tags,
    emailMarketingState: row.emailMarketingState,
    smsMarketingState: row.smsMarketingState,
    ordersCount: row.ordersCount,
    totalSpent: row.totalSpent,
    currency: row.currency,
    firstOrderAt: iso(row.firstOrderAt),
    lastOrderAt: iso(row.lastOrderAt),
    lastSeenAt: iso(row.lastSeenAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
