import { and, eq, or, sql } from "drizzle-orm";
import { jsonValues } from "../../../db/sql-json.ts";
import type { TenantContext } from "../../../context/deps.ts";
import { checkoutsTable, identitiesTable, ordersTable, profilesTable } from "../../../db/schema/index.ts";
import { idFromGid } from "../../../shopify/gid.ts";
import { normalizeSubject, type Subject } from "../subject-hash.ts";

/**
 * Everything that identifies one customer of one shop: what Shopify's request names, and what SegOps linked to it
 * (profiles, their identities, orders and checkouts). Re-read at every slice: linking rows are erased last.
 */
export type CustomerSubject = {
  tenantId: string | null;
  shopDomain: string;
  customerIds: string[];
  emails: string[];
  phones: string[];
  orderIds: string[];
  profileIds: string[];
  checkoutTokens: string[];
  cartTokens: string[];
  clientIds: string[];
};

type RequestPayload = {
  customer?: { id?: unknown; email?: unknown; phone?: unknown } | null;
  orders_to_redact?: unknown;
  orders_requested?: unknown;
};

const texts = (values: unknown): string[] =>
  (Array.isArray(values) ? values : [values]).flatMap((value) => (typeof value === "string" || typeof value === "number" ? [String(value)] : []));

class SubjectSet {
  readonly #values = new Map<string, Set<string>>();
  add(kind: Subject["kind"], values: readonly (string | null | undefined)[]): void {
    const set = this.#values.get(kind) ?? new Set<string>();
    for (const value of values) {
      const normal = value ? normalizeSubject(kind, value) : null;
      if (normal) set.add(normal);
    }
    this.#values.set(kind, set);
  }
  get(kind: Subject["kind"]): string[] {
    return [...(this.#values.get(kind) ?? [])];
  }
}

type SubjectRequest = { shopDomain: string; payload: Record<string, unknown> };

function requested(input: SubjectRequest): SubjectSet {
  const payload = input.payload as RequestPayload;
  const set = new SubjectSet();
  set.add("customer_id", texts(payload.customer?.id).map(idFromGid));
  set.add("email", texts(payload.customer?.email));
  set.add("phone", texts(payload.customer?.phone));
  set.add("order_id", [...texts(payload.orders_to_redact), ...texts(payload.orders_requested)].map(idFromGid));
  return set;
}

function subjectOf(tenantId: string | null, shopDomain: string, set: SubjectSet, profileIds: string[]): CustomerSubject {
  return {
    tenantId,
    shopDomain,
    customerIds: set.get("customer_id"),
    emails: set.get("email"),
    phones: set.get("phone"),
    orderIds: set.get("order_id"),
    profileIds,
    checkoutTokens: set.get("checkout_token"),
    cartTokens: set.get("cart_token"),
    clientIds: set.get("client_id"),
  };
}

/** The subject of a request for a shop with no tenant: only what Shopify's request names. */
export function requestedCustomerSubject(input: SubjectRequest): CustomerSubject {
  return subjectOf(null, input.shopDomain, requested(input), []);
}

/** The subject of a request for the context's tenant, with what SegOps linked to it, read on the tenant's shard. */
export async function loadCustomerSubject(args: { ctx: TenantContext; input: SubjectRequest }): Promise<CustomerSubject> {
  const { ctx, input } = args;
  const { tenantId } = ctx;
  const set = requested(input);
  const profiles = await ctx.db
    .select({ id: profilesTable.id, email: profilesTable.email, phone: profilesTable.phone })
    .from(profilesTable)
    .where(and(eq(profilesTable.tenantId, tenantId), sql`${profilesTable.shopifyCustomerId} in ${jsonValues(set.get("customer_id"))}`));
  const profileIds = profiles.map((row) => row.id);
  set.add("email", profiles.map((row) => row.email));
  set.add("phone", profiles.map((row) => row.phone));
  const [identities, orders] = await Promise.all([
    ctx.db
      .select({ kind: identitiesTable.kind, value: identitiesTable.value })
      .from(identitiesTable)
      .where(and(eq(identitiesTable.tenantId, tenantId), sql`${identitiesTable.profileId} in ${jsonValues(profileIds)}`)),
    ctx.db
      .select({ id: ordersTable.shopifyOrderId, checkoutToken: ordersTable.checkoutToken, cartToken: ordersTable.cartToken })
      .from(ordersTable)
      .where(
        and(
          eq(ordersTable.tenantId, tenantId),
          or(sql`${ordersTable.profileId} in ${jsonValues(profileIds)}`, sql`${ordersTable.shopifyOrderId} in ${jsonValues(set.get("order_id"))}`),
        ),
      ),
  ]);
  for (const kind of ["email", "checkout_token", "cart_token", "client_id"] as const) set.add(kind, identities.filter((row) => row.kind === kind).map((row) => row.value));
  set.add("order_id", orders.map((row) => row.id));
  set.add("checkout_token", orders.map((row) => row.checkoutToken));
  set.add("cart_token", orders.map((row) => row.cartToken));
  const checkouts = await ctx.db
    .select({ token: checkoutsTable.token, cartToken: checkoutsTable.cartToken, anonymousId: checkoutsTable.anonymousId })
    .from(checkoutsTable)
    .where(
      and(
        eq(checkoutsTable.tenantId, tenantId),
        or(sql`${checkoutsTable.profileId} in ${jsonValues(profileIds)}`, sql`${checkoutsTable.token} in ${jsonValues(set.get("checkout_token"))}`),
      ),
    );
  set.add("checkout_token", checkouts.map((row) => row.token));
  set.add("cart_token", checkouts.map((row) => row.cartToken));
  set.add("client_id", checkouts.map((row) => row.anonymousId));
  return subjectOf(tenantId, input.shopDomain, set, profileIds);
}

/** The subject as the identifiers whose keyed hashes are kept once it is redacted. */
export function subjectIdentifiers(subject: CustomerSubject): Subject[] {
  const of = (kind: Subject["kind"], values: string[]) => values.map((value) => ({ kind, value }));
  return [
    ...of("customer_id", subject.customerIds),
    ...of("email", subject.emails),
    ...of("phone", subject.phones),
    ...of("order_id", subject.orderIds),
    ...of("checkout_token", subject.checkoutTokens),
    ...of("cart_token", subject.cartTokens),
    ...of("client_id", subject.clientIds),
  ];
}

/**
 * The literal strings a raw body about the customer contains (e-mails lower-cased; phones as Shopify writes them
 * and as digits): raw text is searched with `instr`, never parsed.
 */
export function subjectNeedles(subject: CustomerSubject, payloadPhones: readonly string[] = []): string[] {
  const needles = new Set<string>([
    ...subject.customerIds,
    ...subject.emails,
    ...subject.phones,
    ...payloadPhones,
    ...subject.orderIds,
    ...subject.checkoutTokens,
    ...subject.cartTokens,
    ...subject.clientIds,
  ]);
  // Short values would match unrelated text; Shopify ids, tokens, e-mails and phones are all longer.
  return [...needles].filter((needle) => needle.length >= 6).map((needle) => needle.toLowerCase());
}
