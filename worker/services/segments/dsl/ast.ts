export type SegmentKind = "customer" | "product";

export const COMPARE_OPS = ["=", "!=", "<", "<=", ">", ">="] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export const ATTRIBUTE_OPS = [...COMPARE_OPS, "in", "not in", "between", "contains", "not contains", "is set", "is not set"] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];

/** Dates are `YYYY-MM-DD`, a relative day such as `-90d`/`-12w`/`-6m`/`-1y`, or `today`; numbers are plain JSON numbers. */
export type Scalar = string | number;

export type CompareRule = { attr: string; op: CompareOp; value: Scalar };
export type ListRule = { attr: string; op: "in" | "not in"; value: string[] };
export type BetweenRule = { attr: string; op: "between"; value: [Scalar, Scalar] };
export type ContainsRule = { attr: string; op: "contains" | "not contains"; value: string };
export type PresenceRule = { attr: string; op: "is set" | "is not set" };
export type AttributeRule = CompareRule | ListRule | BetweenRule | ContainsRule | PresenceRule;

/** The window of an all-time count: events in D1 plus those moved to the archive, counted on the profile. */
export const ALL_TIME = "all";

/**
 * `<event>.count(<window>) <op> <value>`: events of that name with `occurred_at >= now - window`, or with window
 * `all` every event of that name ever, archived ones included.
 */
export type EventRule = { event: string; window: string; op: CompareOp; value: number };

export type SegmentRule = AttributeRule | EventRule;

/** The typed AST, which is also the JSON form. `and`/`or` hold at least two children. */
export type SegmentNode = { and: SegmentNode[] } | { or: SegmentNode[] } | { not: SegmentNode } | SegmentRule;

export const isAnd = (node: SegmentNode): node is { and: SegmentNode[] } => "and" in node;
export const isOr = (node: SegmentNode): node is { or: SegmentNode[] } => "or" in node;
export const isNot = (node: SegmentNode): node is { not: SegmentNode } => "not" in node;
export const isEventRule = (node: SegmentNode): node is EventRule => "event" in node;
