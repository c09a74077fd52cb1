import { gid, rawId } from "../../lib/ids.ts";
import { restMoney } from "../../lib/money.ts";
import { restTime } from "../../lib/time.ts";
import { COUNTRY_BY_CODE } from "../../store/word-lists.ts";
import type { CustomerRecord, ShopState } from "../../types.ts";

export function restAddress(customer: CustomerRecord) {
  const country = COUNTRY_BY_CODE.get(customer.country);
  const [city, province, provinceCode, zip] = country?.cities[customer.city] ?? ["", null, null, ""];
  return {
    first_name: customer.firstName,
    address1: customer.address1,
    phone: customer.phone,
    city,
    zip,
    province,
    country: country?.name ?? customer.country,
    last_name: customer.lastName,
    address2: null,
    company: null,
    name: `${customer.firstName} ${customer.lastName}`,
    country_code: customer.country,
    province_code: provinceCode,
  };
}

export function restDefaultAddress(customer: CustomerRecord) {
  const { address1, address2, city, company, country, country_code, first_name, last_name, name, phone, province, province_code, zip } = restAddress(customer);
  return {
    id: rawId(customer.addressId),
    customer_id: rawId(customer.id),
    first_name, last_name, company, address1, address2, city, province, country, zip, phone, name, province_code, country_code,
    country_name: country,
    default: true,
  };
}

function consentState(customer: CustomerRecord, offset: number) {
  return {
    state: customer.marketingState.toLowerCase(),
    opt_in_level: customer.marketingState === "SUBSCRIBED" ? "single_opt_in" : null,
    consent_updated_at: customer.marketingUpdatedAt === null ? null : restTime(customer.marketingUpdatedAt, offset),
  };
}

/** Embedded in order/checkout payloads: the customer without marketing or tag details. */
export function embeddedCustomer(shop: ShopState, customer: CustomerRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  return {
    id: rawId(customer.id),
    email: customer.email,
    created_at: restTime(customer.createdAt, offset),
    updated_at: restTime(customer.updatedAt, offset),
    first_name: customer.firstName,
    last_name: customer.lastName,
    state: "disabled",
    note: customer.note,
    verified_email: customer.email !== null,
    multipass_identifier: null,
    tax_exempt: false,
    phone: customer.phone,
    currency: shop.currency,
    tax_exemptions: [],
    admin_graphql_api_id: gid("Customer", customer.id),
    default_address: restDefaultAddress(customer),
  };
}

export function customerPayload(shop: ShopState, customer: CustomerRecord) {
  const offset = shop.settings.utcOffsetMinutes;
  const last = shop.orders[customer.orders[customer.orders.length - 1] ?? -1];
  return {
    ...embeddedCustomer(shop, customer),
    orders_count: customer.orders.length,
    total_spent: restMoney(customer.spentCents),
    last_order_id: rawId(last?.id),
    last_order_name: last ? `#${last.number}` : null,
    tags: customer.tags.join(", "),
    addresses: [restDefaultAddress(customer)],
    email_marketing_consent: customer.email === null ? null : consentState(customer, offset),
    sms_marketing_consent: customer.phone === null ? null : { state: "not_subscribed", opt_in_level: "single_opt_in", consent_updated_at: null, consent_collected_from: "OTHER" },
  };
}

export function emailConsentPayload(shop: ShopState, customer: CustomerRecord) {
  return {
    customer_id: rawId(customer.id),
    email_address: customer.email,
    email_marketing_consent: consentState(customer, shop.settings.utcOffsetMinutes),
  };
}

/** `customers/delete` carries little more than the id, as Shopify's does. */
export function deletedCustomerPayload(customer: CustomerRecord) {
  return { id: rawId(customer.id), admin_graphql_api_id: gid("Customer", customer.id), phone: null, addresses: [], tax_exemptions: [] };
}
