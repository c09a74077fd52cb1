import { parseId } from "../lib/ids.ts";
import { createPrng } from "../lib/prng.ts";
import { parseTime } from "../lib/time.ts";
import type { CustomerRecord, MarketingState, ShopState } from "../types.ts";
import { storeNow } from "./create-shop.ts";
import { emailLocalPart } from "./generate-customers.ts";
import { StoreInputError } from "./input-error.ts";
import { takeId } from "./next-id.ts";
import { COUNTRY_BY_CODE, FIRST_NAMES, LAST_NAMES } from "./word-lists.ts";

export interface CustomerInput {
  email?: string | null;
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  country?: string;
  /** The default address's street line; generated when absent. */
  address1?: string;
  tags?: string[];
  marketingState?: MarketingState;
  note?: string | null;
  createdAt?: string;
}

export function findCustomer(shop: ShopState, rawId: string): number {
  const index = shop.index.customers.get(parseId(rawId).id);
  if (index === undefined) throw new StoreInputError("customer_not_found", `No customer ${rawId} in ${shop.domain}`, 404);
  return index;
}

export function addCustomer(shop: ShopState, input: CustomerInput): number {
  const id = takeId(shop.nextId, "customer", 7);
  const prng = createPrng(`${shop.seed}:customer:${id}`);
  const country = input.country ?? "US";
  if (!COUNTRY_BY_CODE.has(country)) throw new StoreInputError("unknown_country", `Country ${country} is not in the simulator's list`);
  const firstName = input.firstName ?? prng.pick(FIRST_NAMES);
  const lastName = input.lastName ?? prng.pick(LAST_NAMES);
  const createdAt = parseTime(input.createdAt, storeNow(shop));
  const marketingState = input.marketingState ?? "NOT_SUBSCRIBED";
  const record: CustomerRecord = {
    id,
    addressId: takeId(shop.nextId, "address", 7),
    firstName,
    lastName,
    email: input.email === undefined ? `${emailLocalPart(firstName, lastName)}.${id.slice(-5)}@example.com` : input.email,
    phone: input.phone ?? null,
    country,
    city: 0,
    address1: input.address1 ?? `${prng.int(1, 999)} Main St`,
    tags: input.tags ?? [],
    marketingState,
    marketingUpdatedAt: marketingState === "NOT_SUBSCRIBED" ? null : createdAt,
    note: input.note ?? null,
    createdAt,
    updatedAt: createdAt,
    orders: [],
    spentCents: 0,
  };
  shop.customers.push(record);
  shop.index.customers.set(id, shop.customers.length - 1);
  return shop.customers.length - 1;
}

/** Returns whether email marketing consent changed, which Shopify announces on its own topic. */
export function updateCustomer(shop: ShopState, index: number, input: CustomerInput): { consentChanged: boolean } {
  const record = shop.customers[index]!;
  const now = storeNow(shop);
  const consentChanged = input.marketingState !== undefined && input.marketingState !== record.marketingState;
  if (input.country !== undefined && !COUNTRY_BY_CODE.has(input.country)) throw new StoreInputError("unknown_country", `Country ${input.country} is not in the simulator's list`);
  Object.assign(record, {
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
    ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.country !== undefined ? { country: input.country, city: 0 } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(consentChanged ? { marketingState: input.marketingState, marketingUpdatedAt: now } : {}),
    updatedAt: now,
  });
  return { consentChanged };
}

/** Shopify refuses to delete a customer with orders; a deleted one leaves the Admin API. */
export function deleteCustomer(shop: ShopState, index: number): void {
  const customer = shop.customers[index]!;
  if (customer.orders.length > 0) throw new StoreInputError("customer_has_orders", `Customer ${customer.id} has orders and cannot be deleted`, 409);
  customer.deletedAt = storeNow(shop);
  customer.updatedAt = customer.deletedAt;
  shop.index.customers.delete(customer.id);
}
