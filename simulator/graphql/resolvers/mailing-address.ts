import { gid } from "../../lib/ids.ts";
import { COUNTRY_BY_CODE } from "../../store/word-lists.ts";
import type { CustomerRecord } from "../../types.ts";

export function mailingAddress(customer: CustomerRecord) {
  const country = COUNTRY_BY_CODE.get(customer.country);
  const [city, province, provinceCode, zip] = country?.cities[customer.city] ?? [null, null, null, null];
  return {
    id: `${gid("MailingAddress", customer.addressId)}?model_name=CustomerAddress`,
    address1: customer.address1,
    address2: null,
    city,
    province,
    provinceCode,
    country: country?.name ?? null,
    countryCodeV2: customer.country,
    zip,
    firstName: customer.firstName,
    lastName: customer.lastName,
    name: `${customer.firstName} ${customer.lastName}`,
    phone: customer.phone,
    company: null,
  };
}
