import { describe, expect, it } from "vitest";
import { joinBulkLines } from "../../../../worker/services/backfill/join-bulk-lines.ts";
import { planBulkRecords } from "../../../../worker/services/backfill/plan-bulk-records.ts";
import { PROPERTIES_CHECKS } from "../../../../worker/services/ingest/check-properties-in-place.ts";
import { EVENT_PROPERTIES, type CanonicalEventName } from "../../../../worker/services/ingest/event-properties.ts";
import ordersText from "../../../fixtures/backfill/orders-children-first.jsonl?raw";

type Value = Record<string, unknown>;

const roots = joinBulkLines(ordersText.trim().split("\n").map((line) => JSON.parse(line) as Value)).roots;
const { plan } = planBulkRecords("orders", { tenantId: "ten_check", source: "backfill", receivedAt: 0, triggeredAt: null, knownCheckoutTokens: new Map() }, roots);
const samples = plan.events.filter((event) => PROPERTIES_CHECKS[event.name]).map((event) => ({ name: event.name, properties: event.properties as Value }));
const customer: Value = { customerId: "501", state: "enabled", countryCode: "SE", tags: ["vip"], emailMarketingState: "SUBSCRIBED", smsMarketingState: null };

const ODD: unknown[] = [undefined, null, "", "x", 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, [], [null], {}, "2026-10-01T12:00:00Z", "2026-10-01T12:00:00.000Z", "2026-13-01T12:00:00.000Z"];

function variants(sample: Value): Value[] {
  const out: Value[] = [{ ...sample, extra: 1 }, { ...sample, pixel: { clientId: "c", eventId: "e", occurredAt: null, page: { url: null, path: null, referrer: null, title: null } } }];
  for (const key of Object.keys(sample)) {
    const { [key]: _, ...without } = sample;
    out.push(without);
    for (const odd of ODD) out.push({ ...sample, [key]: odd });
    const value = sample[key];
    if (Array.isArray(value) && value.length > 0) {
      out.push({ ...sample, [key]: [...value, undefined] }, { ...sample, [key]: Object.assign([], value, { [value.length + 1]: value[0] }) });
      if (typeof value[0] === "object") for (const item of variants(value[0] as Value)) out.push({ ...sample, [key]: [item, ...value.slice(1)] });
    }
  }
  return out;
}

/** A passed check means the schema accepts the properties and returns them unchanged. */
function expectAgreement(name: CanonicalEventName, properties: unknown): boolean {
  if (!PROPERTIES_CHECKS[name]!(properties)) return false;
  const parsed = EVENT_PROPERTIES[name].safeParse(properties);
  expect(parsed.success, JSON.stringify(properties)).toBe(true);
  expect(parsed.data).toStrictEqual(properties);
  return true;
}

describe("plain checks of event properties agree with the canonical schemas", () => {
  it("passes an order's and a customer's real properties, so the schema is skipped on the hot path", () => {
    expect(samples.map((sample) => sample.name)).toEqual(expect.arrayContaining(["purchase", "order_created", "order_cancelled"]));
    for (const sample of samples) expect(expectAgreement(sample.name, sample.properties)).toBe(true);
    expect(expectAgreement("customer_created", customer)).toBe(true);
  });

  it("never passes what the schema refuses or would change", () => {
    let refused = 0;
    for (const { name, properties } of [...samples, { name: "customer_updated" as const, properties: customer }]) {
      for (const variant of variants(properties)) if (!expectAgreement(name, variant)) refused++;
    }
    expect(refused).toBeGreaterThan(100);
  });
});
