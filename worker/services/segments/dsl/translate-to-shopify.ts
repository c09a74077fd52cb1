import { err, ok, type Result } from "../../../lib/result.ts";
import { isAnd, isEventRule, isNot, isOr, type AttributeRule, type SegmentKind, type SegmentNode, type SegmentRule } from "./ast.ts";
import { formatSegment } from "./format-segment.ts";
import { parseSegment } from "./parse-segment.ts";

/** Why a segment cannot become a native Shopify segment: the canonical text of the first blocking rule. */
export type ShopifyTranslationError = { rule: string; reason: string };

type Piece = { text: string; compound: boolean };
type Translated = Result<Piece, ShopifyTranslationError>;

// Numbers and dates whose comparisons carry over unchanged, by SegOps attribute.
const SHOPIFY_FIELDS: Record<string, string> = {
  total_spent: "amount_spent",
  orders_count: "number_of_orders",
  first_order_date: "first_order_date",
  last_order_date: "last_order_date",
};

/** Translates a customer segment to Shopify's segment query language (2026-07: `-90d` offsets, never named dates). */
export function translateToShopify(ast: SegmentNode, kind: SegmentKind): Result<{ query: string }, ShopifyTranslationError> {
  const checked = parseSegment(ast, kind);
  if (!checked.ok) return err({ rule: "path" in checked.error ? checked.error.path : "$", reason: checked.error.message });
  const translated = translateNode(checked.value, kind);
  return translated.ok ? ok({ query: translated.value.text }) : translated;
}

function translateNode(node: SegmentNode, kind: SegmentKind): Translated {
  if (isAnd(node) || isOr(node)) {
    const texts: string[] = [];
    for (const child of isAnd(node) ? node.and : node.or) {
      const piece = translateNode(child, kind);
      if (!piece.ok) return piece;
      texts.push(piece.value.compound ? `(${piece.value.text})` : piece.value.text);
    }
    return ok({ text: texts.join(isAnd(node) ? " AND " : " OR "), compound: true });
  }
  if (isNot(node)) {
    const inner = translateNode(node.not, kind);
    return inner.ok ? ok({ text: `NOT (${inner.value.text})`, compound: false }) : inner;
  }
  if (kind === "product") return blocked(node, "product segments cannot become Shopify customer segments");
  if (isEventRule(node)) return blocked(node, "Shopify segments cannot count SegOps events in a time window");
  return translateRule(node);
}

function translateRule(rule: AttributeRule): Translated {
  const single = (text: string): Translated => ok({ text, compound: false });
  const anyOf = (texts: string[], joiner: " OR " | " AND "): Translated => ok({ text: texts.join(joiner), compound: texts.length > 1 });
  if (!("value" in rule)) return blocked(rule, `Shopify segments cannot test whether ${rule.attr} ${rule.op}`);
  const field = SHOPIFY_FIELDS[rule.attr];
  if (field !== undefined) {
    if (rule.op === "between") return single(`${field} BETWEEN ${rule.value[0]} AND ${rule.value[1]}`);
    return single(`${field} ${rule.op} ${rule.value}`);
  }
  const values = Array.isArray(rule.value) ? rule.value.map(String) : [String(rule.value)];
  switch (rule.attr) {
    case "country": {
      const negated = rule.op === "!=" || rule.op === "not in";
      const parts = values.map((code) => `customer_countries ${negated ? "NOT CONTAINS" : "CONTAINS"} ${quote(code)}`);
      return anyOf(parts, negated ? " AND " : " OR ");
    }
    case "tags":
      return single(`customer_tags ${rule.op === "not contains" ? "NOT CONTAINS" : "CONTAINS"} ${quote(String(rule.value))}`);
    case "email_subscription": {
      const negated = rule.op === "!=" || rule.op === "not in";
      const parts = values.map((state) => `email_subscription_status ${negated ? "!=" : "="} ${quote(state.toUpperCase())}`);
      return anyOf(parts, negated ? " AND " : " OR ");
    }
    case "last_seen":
      return blocked(rule, "Shopify segments have no last-seen attribute");
    default:
      return blocked(rule, `Shopify segments cannot filter on ${rule.attr}`);
  }
}

const blocked = (rule: SegmentRule, reason: string): Translated => err({ rule: formatSegment(rule), reason });

// Shopify strings are single-quoted with backslash escapes.
const quote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
