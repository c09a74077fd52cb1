import type { AttributeOp, CompareOp } from "./ast.ts";
import type { SegmentLocation } from "./segment-error.ts";

/** A value as written: `date` covers 2026-01-01, -90d and today in text; JSON gives dates as strings. */
export type RawValue = { kind: "string" | "number" | "date"; value: string | number; at: SegmentLocation };

export type RawAttributeRule = {
  type: "attr";
  attr: string;
  attrAt: SegmentLocation;
  op: AttributeOp;
  opAt: SegmentLocation;
  values: RawValue[];
};

export type RawEventRule = {
  type: "event";
  event: string;
  eventAt: SegmentLocation;
  window: string;
  windowAt: SegmentLocation;
  op: CompareOp;
  opAt: SegmentLocation;
  value: RawValue;
};

/** What the text and JSON readers produce before type checking; every part keeps its location for errors. */
export type RawNode =
  | { type: "and" | "or"; children: RawNode[] }
  | { type: "not"; child: RawNode }
  | RawAttributeRule
  | RawEventRule;
