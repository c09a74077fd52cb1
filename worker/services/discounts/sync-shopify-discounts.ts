import { and, eq, inArray, isNotNull, notInArray } from "drizzle-orm";
import { withAdmin, type AdminContext } from "../../context/admin-context.ts";
import type { TenantContext } from "../../context/deps.ts";
import { discountRulesTable, shopifyDiscountsTable } from "../../db/schema/index.ts";
import { bytesToHex, utf8 } from "../../lib/encoding.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import {
  CREATE_DISCOUNT,
  DELETE_DISCOUNT,
  UPDATE_DISCOUNT,
  type CreateDiscountData,
  type DeleteDiscountData,
  type DiscountVariables,
  type UpdateDiscountData,
} from "./discount-documents.ts";
import type { DiscountRuleError } from "./discount-rule-input.ts";
import { discountInput, groupDiscountRules, type DiscountGroup } from "./group-discount-rules.ts";
import { loadLiveRules } from "./load-live-rules.ts";

type ShopifyError = Extract<DiscountRuleError, { reason: "shopify" }>;
type StoredDiscount = typeof shopifyDiscountsTable.$inferSelect;

const sha256Hex = async (text: string) => bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(text))));
const unavailable = (message: string): ShopifyError => ({ reason: "shopify", message, code: null, refused: false });
const refused = (errors: { message: string; code: string | null }[]): ShopifyError => ({
  reason: "shopify",
  message: errors.map((error) => error.message).join("; ") || "Shopify saved no discount",
  code: errors[0]?.code ?? null,
  refused: true,
});

async function saveGroup(admin: AdminContext, group: DiscountGroup, stored: StoredDiscount | undefined, now: number): Promise<Result<string | null, ShopifyError>> {
  const variables: DiscountVariables = { discount: discountInput(group, stored?.createdAt ?? new Date(now)) };
  const digest = await sha256Hex(JSON.stringify(variables.discount));
  if (stored?.digest === digest) return ok(null);
  let discountId: string | null = null;
  if (stored) {
    const updated = await admin.admin.request<UpdateDiscountData>(UPDATE_DISCOUNT, { id: stored.shopifyDiscountGid, ...variables });
    if (!updated.ok) return err(unavailable(updated.error.message));
    const { automaticAppDiscount, userErrors } = updated.value.discountAutomaticAppUpdate;
    // Deleted in Shopify's admin: make it again rather than leave its rules without a discount.
    const gone = userErrors.some((error) => error.field?.[0] === "id");
    if (userErrors.length > 0 && !gone) return err(refused(userErrors));
    discountId = automaticAppDiscount?.discountId ?? null;
  }
  if (discountId === null) {
    const created = await admin.admin.request<CreateDiscountData>(CREATE_DISCOUNT, variables);
    if (!created.ok) return err(unavailable(created.error.message));
    const { automaticAppDiscount, userErrors } = created.value.discountAutomaticAppCreate;
    if (!automaticAppDiscount) return err(refused(userErrors));
    discountId = automaticAppDiscount.discountId;
  }
  const row = { tenantId: admin.tenantId, groupKey: group.key, shopifyDiscountGid: discountId, digest, ruleCount: group.rules.length, updatedAt: new Date(now) };
  await admin.db
    .insert(shopifyDiscountsTable)
    .values({ ...row, createdAt: stored?.createdAt ?? new Date(now) })
    .onConflictDoUpdate({ target: [shopifyDiscountsTable.tenantId, shopifyDiscountsTable.groupKey], set: row });
  return ok(discountId);
}

async function deleteDiscount(admin: AdminContext, stored: StoredDiscount): Promise<Result<void, ShopifyError>> {
  const deleted = await admin.admin.request<DeleteDiscountData>(DELETE_DISCOUNT, { id: stored.shopifyDiscountGid });
  if (!deleted.ok) return err(unavailable(deleted.error.message));
  const { userErrors } = deleted.value.discountAutomaticDelete;
  // Already deleted in Shopify's admin: the goal is reached.
  if (userErrors.length > 0 && !userErrors.some((error) => error.field?.[0] === "id")) return err(refused(userErrors));
  await admin.db.delete(shopifyDiscountsTable).where(and(eq(shopifyDiscountsTable.tenantId, admin.tenantId), eq(shopifyDiscountsTable.groupKey, stored.groupKey)));
  return ok(undefined);
}

/**
 * Makes Shopify's automatic app discounts match the tenant's live rules: one discount per group of rules sharing
 * dates and combinations, each carrying its rules in the configuration metafield. Discounts no group needs are
 * deleted first, so they free Shopify's per-store slots before new ones are made; unchanged groups are not sent.
 */
export async function syncShopifyDiscounts(args: { ctx: TenantContext; input: { now: number } }): Promise<Result<void, ShopifyError>> {
  const { ctx, input } = args;
  const admin = withAdmin(ctx);
  const live = await loadLiveRules({ ctx, input: { now: input.now } });
  const groups = groupDiscountRules(live);
  const stored = await ctx.db.select().from(shopifyDiscountsTable).where(eq(shopifyDiscountsTable.tenantId, ctx.tenantId)).all();
  const byKey = new Map(stored.map((row) => [row.groupKey, row]));
  for (const row of stored) {
    if (groups.some((group) => group.key === row.groupKey)) continue;
    const deleted = await deleteDiscount(admin, row);
    if (!deleted.ok) return deleted;
  }
  for (const group of groups) {
    const saved = await saveGroup(admin, group, byKey.get(group.key), input.now);
    if (!saved.ok) return saved;
    const discountId = saved.value ?? byKey.get(group.key)!.shopifyDiscountGid;
    const ids = group.rules.filter((rule) => rule.shopifyDiscountGid !== discountId).map((rule) => rule.id);
    if (ids.length > 0) {
      await ctx.db
        .update(discountRulesTable)
        .set({ shopifyDiscountGid: discountId })
        .where(and(eq(discountRulesTable.tenantId, ctx.tenantId), inArray(discountRulesTable.id, ids)));
    }
  }
  await ctx.db
    .update(discountRulesTable)
    .set({ shopifyDiscountGid: null })
    .where(
      and(
        eq(discountRulesTable.tenantId, ctx.tenantId),
        isNotNull(discountRulesTable.shopifyDiscountGid),
        notInArray(discountRulesTable.id, live.map((rule) => rule.id)),
      ),
    );
  return ok(undefined);
}
