export * from "./ast.ts";
export { CUSTOMER_ATTRIBUTES, EMAIL_SUBSCRIPTION_STATES, PRODUCT_ATTRIBUTES, PRODUCT_STATUSES, type AttributeSpec } from "./attributes.ts";
export { MAX_LIST_VALUES } from "./check-rule.ts";
export { compileSegment, compileSegmentCount, D1_MAX_PARAMS, type CompiledSegment, type CompileSegmentOptions } from "./compile-segment.ts";
export { isSegmentEventName, SEGMENT_EVENT_NAMES, type SegmentEventName } from "./event-names.ts";
export { formatSegment } from "./format-segment.ts";
export { parseSegment } from "./parse-segment.ts";
export { MAX_WINDOW_DAYS } from "./resolve-date.ts";
export type { SegmentError, SegmentLocation } from "./segment-error.ts";
