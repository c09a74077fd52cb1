import { err, ok, type Result } from "../../../lib/result.ts";
import type { AttributeRule, EventRule, Scalar, SegmentKind } from "./ast.ts";
import { attributesOf, findAttribute, type AttributeSpec } from "./attributes.ts";
import { checkValue } from "./check-value.ts";
import { isSegmentEventName, SEGMENT_EVENT_NAMES } from "./event-names.ts";
import type { RawAttributeRule, RawEventRule } from "./raw-node.ts";
import { checkWindow } from "./resolve-date.ts";
import { segmentError, type SegmentError } from "./segment-error.ts";
import { didYouMean } from "./suggest-name.ts";

export const MAX_LIST_VALUES = 50;

/** Type-checks `<attr> <op> <value>` against the attribute catalog of the segment's kind. */
export function checkAttributeRule(raw: RawAttributeRule, kind: SegmentKind): Result<AttributeRule, SegmentError> {
  const spec = findAttribute(kind, raw.attr);
  if (spec === undefined) return err(unknownAttribute(raw, kind));
  if (!spec.ops.includes(raw.op)) {
    return err(segmentError(raw.opAt, `\`${raw.op}\` is not allowed for ${spec.name}`, `${spec.name} takes ${spec.ops.join(", ")}`));
  }
  const tooMany = raw.values[MAX_LIST_VALUES];
  if (tooMany !== undefined) {
    return err(segmentError(tooMany.at, `a list holds at most ${MAX_LIST_VALUES} values`, "split the rule with `or`, or use tags"));
  }
  const values: Scalar[] = [];
  for (const value of raw.values) {
    const checked = checkValue(spec, value);
    if (!checked.ok) return checked;
    values.push(checked.value);
  }
  const attr = spec.name;
  const [first, second] = values;
  switch (raw.op) {
    case "is set":
    case "is not set":
      return ok({ attr, op: raw.op });
    case "in":
    case "not in":
      return ok({ attr, op: raw.op, value: values.map(String) });
    case "between":
      if (first === undefined || second === undefined) {
        return err(segmentError(raw.opAt, "between needs two values", "between <low> and <high>"));
      }
      if (inverted(spec, first, second)) {
        const hint = `write between ${second} and ${first}`;
        return err(segmentError(raw.values[1]?.at ?? raw.opAt, "between needs the lower bound first", hint));
      }
      return ok({ attr, op: raw.op, value: [first, second] });
    case "contains":
    case "not contains":
      return ok({ attr, op: raw.op, value: String(first) });
    default:
      return ok({ attr, op: raw.op, value: first ?? "" });
  }
}

const ABSOLUTE_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function inverted(spec: AttributeSpec, low: Scalar, high: Scalar): boolean {
  if (typeof low === "number" && typeof high === "number") return low > high;
  return spec.type === "date" && ABSOLUTE_DATE.test(String(low)) && ABSOLUTE_DATE.test(String(high)) && low > high;
}

function unknownAttribute(raw: RawAttributeRule, kind: SegmentKind): SegmentError {
  const names = attributesOf(kind).map((spec) => spec.name);
  const other = kind === "customer" ? "product" : "customer";
  if (findAttribute(other, raw.attr) !== undefined) {
    const message = `\`${raw.attr}\` is a ${other} attribute, not available in ${kind} segments`;
    return segmentError(raw.attrAt, message, `${kind} attributes: ${names.join(", ")}`);
  }
  if (kind === "customer" && isSegmentEventName(raw.attr)) {
    return segmentError(raw.attrAt, `\`${raw.attr}\` is an event`, `count it in a window: ${raw.attr}.count(30d) >= 1`);
  }
  return segmentError(raw.attrAt, `unknown attribute \`${raw.attr}\``, didYouMean(raw.attr, names, `${kind} attributes`));
}

/** Type-checks `<event>.count(<window>) <op> <count>`; only customer segments count events. */
export function checkEventRule(raw: RawEventRule, kind: SegmentKind): Result<EventRule, SegmentError> {
  if (kind === "product") {
    const hint = "product segments filter on product attributes";
    return err(segmentError(raw.eventAt, "event counts are only available in customer segments", hint));
  }
  const event = raw.event.toLowerCase();
  if (!isSegmentEventName(event)) {
    return err(segmentError(raw.eventAt, `unknown event \`${raw.event}\``, didYouMean(event, SEGMENT_EVENT_NAMES, "events")));
  }
  const window = checkWindow(raw.window);
  if (!window.ok) return err(segmentError(raw.windowAt, window.error.message, window.error.hint));
  const value = raw.value.value;
  if (raw.value.kind !== "number" || typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= 1e15) {
    const hint = `e.g. ${event}.count(${window.value.window}) >= 1`;
    return err(segmentError(raw.value.at, "an event count is a whole number, 0 or more", hint));
  }
  return ok({ event, window: window.value.window, op: raw.op, value: value === 0 ? 0 : value });
}
