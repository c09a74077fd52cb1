import { ok, type Result } from "../../../lib/result.ts";
import type { SegmentKind, SegmentNode } from "./ast.ts";
import { checkAttributeRule, checkEventRule } from "./check-rule.ts";
import type { RawNode } from "./raw-node.ts";
import type { SegmentError } from "./segment-error.ts";

/** Type-checks raw nodes into the AST; the first error in reading order wins. A one-child group collapses. */
export function checkNode(raw: RawNode, kind: SegmentKind): Result<SegmentNode, SegmentError> {
  switch (raw.type) {
    case "attr":
      return checkAttributeRule(raw, kind);
    case "event":
      return checkEventRule(raw, kind);
    case "not": {
      const child = checkNode(raw.child, kind);
      return child.ok ? ok({ not: child.value }) : child;
    }
    case "and":
    case "or": {
      const children: SegmentNode[] = [];
      for (const rawChild of raw.children) {
        const child = checkNode(rawChild, kind);
        if (!child.ok) return child;
        children.push(child.value);
      }
      if (children.length === 1) return ok(children[0] as SegmentNode);
      return ok(raw.type === "and" ? { and: children } : { or: children });
    }
  }
}
