import { gid, parseId } from "../../lib/ids.ts";
import { moneyV2 } from "../../lib/money.ts";
import { isoTime } from "../../lib/time.ts";
import type { CustomerRecord } from "../../types.ts";
import type { GqlContext, Resolver } from "../context.ts";
import { compareBy, connection, paginate, type PageArgs, type SortValue } from "../paginate.ts";
import { applySearch, dateMatcher, listMatcher, numberMatcher, parseSearch, textMatcher, type FieldMatcher } from "../search-query.ts";
import { metafieldView } from "./metafield-views.ts";
import { mailingAddress } from "./mailing-address.ts";

export function customerNode(gql: GqlContext, index: number) {
  const customer = gql.shop.customers[index]!;
  return {
    __typename: "Customer",
    id: gid("Customer", customer.id),
    legacyResourceId: customer.id,
    email: customer.email,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`,
    note: customer.note,
    tags: customer.tags,
    state: "DISABLED",
    verifiedEmail: customer.email !== null,
    createdAt: isoTime(customer.createdAt),
    updatedAt: isoTime(customer.updatedAt),
    amountSpent: moneyV2(customer.spentCents, gql.shop.currency),
    numberOfOrders: String(customer.orders.length),
    defaultAddress: mailingAddress(customer),
    addresses: () => [mailingAddress(customer)],
    emailMarketingConsent: customer.email === null ? null : {
      marketingState: customer.marketingState,
      marketingOptInLevel: customer.marketingState === "SUBSCRIBED" ? "SINGLE_OPT_IN" : null,
      consentUpdatedAt: customer.marketingUpdatedAt === null ? null : isoTime(customer.marketingUpdatedAt),
    },
    defaultEmailAddress: customer.email === null ? null : { emailAddress: customer.email, marketingState: customer.marketingState },
    metafield: (args: { namespace?: string; key: string }) => metafieldView(gql, gid("Customer", customer.id), args),
  };
}

const SEARCH_FIELDS: Record<string, FieldMatcher<CustomerRecord>> = {
  created_at: dateMatcher((c) => c.createdAt),
  updated_at: dateMatcher((c) => c.updatedAt),
  id: numberMatcher((c) => Number(c.id)),
  email: textMatcher((c) => c.email),
  first_name: textMatcher((c) => c.firstName),
  last_name: textMatcher((c) => c.lastName),
  tag: listMatcher((c) => c.tags),
  tag_not: (c, term) => !c.tags.some((tag) => tag.toLowerCase() === term.value.toLowerCase()),
  country: textMatcher((c) => c.country),
  orders_count: numberMatcher((c) => c.orders.length),
  total_spent: numberMatcher((c) => c.spentCents / 100),
  email_marketing_state: textMatcher((c) => c.marketingState),
};

const SORT_KEYS: Record<string, (c: CustomerRecord) => SortValue> = {
  ID: (c) => Number(c.id),
  CREATED_AT: (c) => c.createdAt,
  UPDATED_AT: (c) => c.updatedAt,
  NAME: (c) => `${c.firstName} ${c.lastName}`.toLowerCase(),
  LOCATION: (c) => c.country,
  RELEVANCE: (c) => Number(c.id),
};

export const customers: Resolver = (_source, args, gql, info) => {
  const terms = parseSearch(args.query as string | undefined);
  const indexes = gql.shop.customers.flatMap((customer, i) => (customer.deletedAt === undefined ? [i] : []));
  const record = (i: number) => gql.shop.customers[i]!;
  const wrap = (matcher: FieldMatcher<CustomerRecord>): FieldMatcher<number> => (i, term) => matcher(record(i), term);
  const fields = Object.fromEntries(Object.entries(SEARCH_FIELDS).map(([name, matcher]) => [name, wrap(matcher)]));
  const freeText = wrap((c, term) => `${c.firstName} ${c.lastName} ${c.email ?? ""}`.toLowerCase().includes(term.value.toLowerCase()));
  const { records, warnings } = applySearch(indexes, terms, fields, freeText);
  if (warnings.length > 0) gql.searchWarnings.push({ path: ["customers"], query: String(args.query), warnings });
  const sortKey = SORT_KEYS[String(args.sortKey ?? "ID")] ?? SORT_KEYS.ID!;
  const sorted = args.sortKey === "ID" || args.sortKey === undefined ? records : [...records].sort((a, b) => compareBy(sortKey(record(a)), sortKey(record(b))) || a - b);
  const page = paginate(sorted, (i) => [sortKey(record(i)), record(i).id], args as PageArgs, gql, info);
  return connection(page, (i) => customerNode(gql, i));
};

export const customer: Resolver = (_source, args, gql) => {
  const index = gql.shop.index.customers.get(parseId(String(args.id)).id);
  return index === undefined ? null : customerNode(gql, index);
};
