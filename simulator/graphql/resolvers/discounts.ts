import { parseId } from "../../lib/ids.ts";
import { isoTime } from "../../lib/time.ts";
import { discountGid, discountStatus, shopDiscounts, type AppDiscountRecord } from "../../store/discounts-store.ts";
import { userError, type GqlContext, type Resolver } from "../context.ts";

/** Shopify's per-store cap on active automatic app discounts, counted across every app. */
export const MAX_APP_DISCOUNTS = 25;

type AppInput = {
  title?: string | null;
  functionHandle?: string | null;
  discountClasses?: string[] | null;
  startsAt?: string | null;
  endsAt?: string | null;
  combinesWith?: { orderDiscounts?: boolean; productDiscounts?: boolean; shippingDiscounts?: boolean } | null;
  metafields?: { namespace?: string | null; key?: string | null; type?: string | null; value?: string | null }[] | null;
};

const field = (name: string) => ["automaticAppDiscount", name];

function discountView(record: AppDiscountRecord, now: number) {
  return {
    discountId: discountGid(record.id),
    title: record.title,
    status: discountStatus(record, now),
    startsAt: isoTime(record.startsAt),
    endsAt: record.endsAt === null ? null : isoTime(record.endsAt),
    discountClasses: record.discountClasses,
    combinesWith: record.combinesWith,
    createdAt: isoTime(record.createdAt),
    updatedAt: isoTime(record.updatedAt),
  };
}

/** Applies the input over `record` (a new one when creating); the first problem Shopify would report, or null. */
function applyInput(gql: GqlContext, record: AppDiscountRecord, input: AppInput, creating: boolean) {
  const deployed = gql.sim.options.functions ?? [];
  if (creating && !input.functionHandle) return userError(field("functionHandle"), "Function id or function handle must be present.", "MISSING_FUNCTION_IDENTIFIER");
  if (input.functionHandle && !deployed.some((fn) => fn.handle === input.functionHandle)) {
    return userError(field("functionHandle"), `Function ${input.functionHandle} not found. Ensure that it is released in the current app.`, "INVALID");
  }
  const title = input.title ?? record.title;
  if (!title.trim()) return userError(field("title"), "Title can't be blank", "BLANK");
  if (title.length > 255) return userError(field("title"), "Title is too long (maximum is 255 characters)", "TOO_LONG");
  const startsAt = input.startsAt ? Date.parse(input.startsAt) : record.startsAt;
  const endsAt = input.endsAt === undefined ? record.endsAt : input.endsAt === null ? null : Date.parse(input.endsAt);
  if (endsAt !== null && endsAt <= startsAt) return userError(field("endsAt"), "Ends at needs to be after starts_at", "END_DATE_BEFORE_START_DATE");
  const classes = input.discountClasses ?? record.discountClasses;
  if (classes.length === 0) return userError(field("discountClasses"), "Discount classes can't be blank", "APPLIES_ON_NOTHING");
  for (const [index, metafield] of (input.metafields ?? []).entries()) {
    if (!metafield.namespace || !metafield.key) return userError(["automaticAppDiscount", "metafields", String(index), "key"], "Key can't be blank", "BLANK");
    if (metafield.type === "json") {
      try {
        JSON.parse(metafield.value ?? "");
      } catch {
        return userError(["automaticAppDiscount", "metafields", String(index), "value"], "Value is invalid JSON", "INVALID");
      }
    }
  }
  Object.assign(record, {
    title,
    functionHandle: input.functionHandle ?? record.functionHandle,
    discountClasses: [...new Set(classes)],
    startsAt,
    endsAt,
    combinesWith: { ...record.combinesWith, ...input.combinesWith },
    updatedAt: gql.now,
  });
  for (const metafield of input.metafields ?? []) {
    const key = `${metafield.namespace}.${metafield.key}`;
    const type = metafield.type ?? record.metafields.get(key)?.type ?? "single_line_text_field";
    record.metafields.set(key, { namespace: metafield.namespace!, key: metafield.key!, type, value: metafield.value ?? "" });
  }
  return null;
}

export const discountAutomaticAppCreate: Resolver = (_source, args, gql) => {
  const state = shopDiscounts(gql.shop);
  const live = [...state.discounts.values()].filter((record) => discountStatus(record, gql.now) !== "EXPIRED").length;
  if (live >= MAX_APP_DISCOUNTS) {
    const message = `You've reached the maximum number of active automatic app discounts (${MAX_APP_DISCOUNTS}). Deactivate or delete one to create another.`;
    return { automaticAppDiscount: null, userErrors: [userError(field("base"), message, "MAX_APP_DISCOUNTS")] };
  }
  const record: AppDiscountRecord = {
    id: String(gql.shop.nextId.misc++),
    title: "",
    functionHandle: "",
    discountClasses: [],
    startsAt: gql.now,
    endsAt: null,
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
    metafields: new Map(),
    createdAt: gql.now,
    updatedAt: gql.now,
  };
  const problem = applyInput(gql, record, args.automaticAppDiscount as AppInput, true);
  if (problem) return { automaticAppDiscount: null, userErrors: [problem] };
  state.discounts.set(record.id, record);
  return { automaticAppDiscount: discountView(record, gql.now), userErrors: [] };
};

export const discountAutomaticAppUpdate: Resolver = (_source, args, gql) => {
  const existing = shopDiscounts(gql.shop).discounts.get(parseId(String(args.id)).id);
  if (!existing) return { automaticAppDiscount: null, userErrors: [userError(["id"], "Discount does not exist")] };
  // Validated on a copy, so a refused update changes nothing.
  const record = { ...existing, metafields: new Map(existing.metafields) };
  const problem = applyInput(gql, record, args.automaticAppDiscount as AppInput, false);
  if (problem) return { automaticAppDiscount: null, userErrors: [problem] };
  Object.assign(existing, record);
  return { automaticAppDiscount: discountView(existing, gql.now), userErrors: [] };
};

export const discountAutomaticDelete: Resolver = (_source, args, gql) => {
  const { id } = parseId(String(args.id));
  if (!shopDiscounts(gql.shop).discounts.delete(id)) return { deletedAutomaticDiscountId: null, userErrors: [userError(["id"], "Discount does not exist")] };
  return { deletedAutomaticDiscountId: discountGid(id), userErrors: [] };
};
