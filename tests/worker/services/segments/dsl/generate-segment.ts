import {
  CUSTOMER_ATTRIBUTES,
  PRODUCT_ATTRIBUTES,
  SEGMENT_EVENT_NAMES,
  type AttributeRule,
  type AttributeSpec,
  type Scalar,
  type SegmentKind,
  type SegmentNode,
} from "../../../../../worker/services/segments/dsl/index.ts";

/** Deterministic PRNG (mulberry32), so a failing generated case reproduces from its seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ["vip", 'say "hi"', "back\\slash", "# not a comment", "Été", "a b", "x"];
const DATES = ["2026-01-01", "2025-12-31", "-90d", "-12w", "-6m", "-1y", "-0d", "today"];
const COUNTRIES = ["US", "CA", "FR", "DE", "JP"];

/** A random canonical AST (what parseSegment returns) of the given kind, nested up to `depth` levels. */
export function generateSegment(random: () => number, kind: SegmentKind, depth: number): SegmentNode {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const roll = random();
  if (depth > 0 && roll < 0.45) {
    const children = Array.from({ length: 2 + Math.floor(random() * 3) }, () => generateSegment(random, kind, depth - 1));
    return roll < 0.2 ? { and: children } : roll < 0.35 ? { or: children } : { not: children[0] as SegmentNode };
  }
  if (kind === "customer" && random() < 0.25) {
    const window = pick(["1h", "12h", "7d", "30d", "400d", "8w"]);
    return { event: pick(SEGMENT_EVENT_NAMES), window, op: pick(["=", "!=", "<", "<=", ">", ">="]), value: Math.floor(random() * 4) };
  }
  const spec = pick(kind === "customer" ? CUSTOMER_ATTRIBUTES : PRODUCT_ATTRIBUTES);
  return generateRule(spec, pick(spec.ops), random, pick);
}

function generateRule(spec: AttributeSpec, op: AttributeSpec["ops"][number], random: () => number, pick: <T>(items: readonly T[]) => T): AttributeRule {
  const scalar = (): Scalar => {
    switch (spec.type) {
      case "number":
        return Math.round((random() * 2000 - 100) * 100) / 100;
      case "integer":
        return Math.floor(random() * ((spec.max ?? 500) + 1));
      case "date":
        return pick(DATES);
      case "country":
        return pick(COUNTRIES);
      case "enum":
        return pick(spec.values ?? []);
      default:
        return pick(TEXTS);
    }
  };
  switch (op) {
    case "is set":
    case "is not set":
      return { attr: spec.name, op };
    case "in":
    case "not in":
      return { attr: spec.name, op, value: Array.from({ length: 1 + Math.floor(random() * 4) }, () => String(scalar())) };
    case "between": {
      const [low, high] = spec.type === "date" ? [pick(DATES.slice(2)), pick(DATES.slice(2))] : [scalar(), scalar()].sort((a, b) => Number(a) - Number(b));
      return { attr: spec.name, op, value: [low as Scalar, high as Scalar] };
    }
    case "contains":
    case "not contains":
      return { attr: spec.name, op, value: String(scalar()) };
    default:
      return { attr: spec.name, op, value: scalar() };
  }
}
