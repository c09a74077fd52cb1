import { isAnd, isEventRule, isNot, isOr, type AttributeRule, type Scalar, type SegmentNode } from "./ast.ts";
import { findAttribute } from "./attributes.ts";

/** Prints the canonical text of an AST; `parseSegment(formatSegment(ast), kind)` gives back the same AST. */
export function formatSegment(node: SegmentNode): string {
  if (isAnd(node)) return node.and.map(formatChild).join(" and ");
  if (isOr(node)) return node.or.map(formatChild).join(" or ");
  if (isNot(node)) return `not (${formatSegment(node.not)})`;
  if (isEventRule(node)) return `${node.event}.count(${node.window}) ${node.op} ${node.value}`;
  return formatAttributeRule(node);
}

// Nested groups keep their parentheses even where precedence would not need them, so the AST round-trips.
const formatChild = (child: SegmentNode) => (isAnd(child) || isOr(child) ? `(${formatSegment(child)})` : formatSegment(child));

function formatAttributeRule(rule: AttributeRule): string {
  const isDate = (findAttribute("customer", rule.attr) ?? findAttribute("product", rule.attr))?.type === "date";
  const value = (scalar: Scalar) => (typeof scalar === "number" ? String(scalar) : isDate ? scalar : quote(scalar));
  switch (rule.op) {
    case "is set":
    case "is not set":
      return `${rule.attr} ${rule.op}`;
    case "in":
    case "not in":
      return `${rule.attr} ${rule.op} (${rule.value.map(value).join(", ")})`;
    case "between":
      return `${rule.attr} between ${value(rule.value[0])} and ${value(rule.value[1])}`;
    default:
      return `${rule.attr} ${rule.op} ${value(rule.value)}`;
  }
}

const quote = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
