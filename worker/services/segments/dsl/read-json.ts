import { z } from "zod";
import { err, ok, type Result } from "../../../lib/result.ts";
import { COMPARE_OPS } from "./ast.ts";
import type { RawNode, RawValue } from "./raw-node.ts";
import { MAX_NESTING } from "./read-text.ts";
import { segmentError, type SegmentError } from "./segment-error.ts";

const scalar = z.union([z.string(), z.number()]);
const attr = z.string().min(1);

const AttributeRuleJson = z.discriminatedUnion("op", [
  z.strictObject({ attr, op: z.enum(COMPARE_OPS), value: scalar }),
  z.strictObject({ attr, op: z.enum(["in", "not in"]), value: z.array(scalar).min(1) }),
  z.strictObject({ attr, op: z.literal("between"), value: z.tuple([scalar, scalar]) }),
  z.strictObject({ attr, op: z.enum(["contains", "not contains"]), value: scalar }),
  z.strictObject({ attr, op: z.enum(["is set", "is not set"]) }),
]);
const EventRuleJson = z.strictObject({ event: z.string().min(1), window: z.string(), op: z.enum(COMPARE_OPS), value: scalar });
const GroupJson = z.union([z.strictObject({ and: z.array(z.unknown()).min(1) }), z.strictObject({ or: z.array(z.unknown()).min(1) })]);
const NotJson = z.strictObject({ not: z.unknown() });

const SHAPES_HINT =
  'a node is { "and": [...] }, { "or": [...] }, { "not": node }, { "attr", "op", "value" } or { "event", "window", "op", "value" }';

/** Validates the JSON form node by node with zod, so an error names the exact path (`$.and[1].value`). */
export function readJson(input: unknown, path = "$", depth = 0): Result<RawNode, SegmentError> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return err(segmentError({ path }, "a segment node must be an object", SHAPES_HINT));
  }
  if (depth >= MAX_NESTING) return err(segmentError({ path }, `segments nest at most ${MAX_NESTING} levels`, "flatten the groups"));
  if ("and" in input || "or" in input) {
    const group = parseAt(GroupJson, input, path);
    if (!group.ok) return group;
    const type = "and" in group.value ? "and" : "or";
    const items = "and" in group.value ? group.value.and : group.value.or;
    const children: RawNode[] = [];
    for (const [index, item] of items.entries()) {
      const child = readJson(item, `${path}.${type}[${index}]`, depth + 1);
      if (!child.ok) return child;
      children.push(child.value);
    }
    return ok({ type, children });
  }
  if ("not" in input) {
    const not = parseAt(NotJson, input, path);
    if (!not.ok) return not;
    const child = readJson(not.value.not, `${path}.not`, depth + 1);
    return child.ok ? ok({ type: "not", child: child.value }) : child;
  }
  if ("event" in input) {
    const rule = parseAt(EventRuleJson, input, path);
    if (!rule.ok) return rule;
    const { event, window, op, value } = rule.value;
    const at = (key: string) => ({ path: `${path}.${key}` });
    return ok({
      type: "event",
      event,
      eventAt: at("event"),
      window,
      windowAt: at("window"),
      op,
      opAt: at("op"),
      value: rawValue(value, `${path}.value`),
    });
  }
  if ("attr" in input) {
    const rule = parseAt(AttributeRuleJson, input, path);
    if (!rule.ok) return rule;
    const valuePath = `${path}.value`;
    const value = "value" in rule.value ? rule.value.value : [];
    const values = Array.isArray(value)
      ? value.map((item, index) => rawValue(item, `${valuePath}[${index}]`))
      : [rawValue(value, valuePath)];
    const { attr, op } = rule.value;
    return ok({ type: "attr", attr, attrAt: { path: `${path}.attr` }, op, opAt: { path: `${path}.op` }, values });
  }
  return err(segmentError({ path }, "unknown segment node", SHAPES_HINT));
}

const rawValue = (value: string | number, path: string): RawValue => ({
  kind: typeof value === "number" ? "number" : "string",
  value,
  at: { path },
});

function parseAt<T>(schema: z.ZodType<T>, input: unknown, path: string): Result<T, SegmentError> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const suffix = (issue?.path ?? []).map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
  return err(segmentError({ path: `${path}${suffix}` }, issue?.message ?? "invalid segment node", SHAPES_HINT));
}
