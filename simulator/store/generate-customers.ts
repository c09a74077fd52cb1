import type { Prng } from "../lib/prng.ts";
import { DAY } from "../lib/time.ts";
import type { CustomerRecord, MarketingState } from "../types.ts";
import { COUNTRIES, CUSTOMER_TAGS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STREETS } from "./word-lists.ts";

const COUNTRY_WEIGHTS = COUNTRIES.map((country) => [country, country.weight] as const);

export function emailLocalPart(first: string, last: string): string {
  return `${first}.${last}`.normalize("NFD").replace(/[^A-Za-z.]/g, "").toLowerCase();
}

/** Customers without ids yet: ids are given once order history has fixed each creation date. */
export function draftCustomers(prng: Prng, count: number, now: number, days: number): CustomerRecord[] {
  const customers: CustomerRecord[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = prng.pick(FIRST_NAMES);
    const lastName = prng.pick(LAST_NAMES);
    const country = prng.weighted(COUNTRY_WEIGHTS);
    const createdAt = now - prng.int(0, days * 3) * DAY - prng.int(0, DAY);
    const marketingState = prng.weighted<MarketingState>([["SUBSCRIBED", 45], ["NOT_SUBSCRIBED", 40], ["UNSUBSCRIBED", 15]]);
    const tagCount = prng.weighted([[0, 50], [1, 35], [2, 15]] as const);
    customers.push({
      id: "",
      addressId: "",
      firstName,
      lastName,
      email: prng.chance(0.98) ? `${emailLocalPart(firstName, lastName)}${i}@${prng.pick(EMAIL_DOMAINS)}` : null,
      phone: prng.chance(0.3) ? `+1555${String(prng.int(0, 9999999)).padStart(7, "0")}` : null,
      country: country.code,
      city: prng.int(0, country.cities.length - 1),
      address1: `${prng.int(1, 999)} ${prng.pick(STREETS)}`,
      tags: [...new Set(Array.from({ length: tagCount }, () => prng.pick(CUSTOMER_TAGS)))],
      marketingState,
      marketingUpdatedAt: marketingState === "NOT_SUBSCRIBED" ? null : createdAt,
      note: prng.chance(0.05) ? "Prefers eco packaging" : null,
      createdAt,
      updatedAt: createdAt,
      orders: [],
      spentCents: 0,
    });
  }
  return customers;
}
