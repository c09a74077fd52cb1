import type { AttributeRule, CompareOp, Scalar } from "./ast.ts";
import type { AttributeSpec } from "./attributes.ts";
import { resolveDay } from "./resolve-date.ts";

/** Adds a bound parameter and returns its placeholder; placeholders appear in the order they are bound. */
export type Bind = (value: string | number) => string;

export const SQL_OP: Record<CompareOp, string> = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** SQL for one checked attribute rule on row `p`. On a null column every comparison is false (NULL). */
export function compileAttributeRule(rule: AttributeRule, spec: AttributeSpec, bind: Bind, now: number): string {
  const column = `p.${spec.column}`;
  const { expr, param } = operands(spec, column, bind);
  const scalar = spec.type === "number" || spec.type === "integer" || spec.type === "date";
  switch (rule.op) {
    case "is set":
      return scalar ? `${column} IS NOT NULL` : `(${column} IS NOT NULL AND ${column} <> '')`;
    case "is not set":
      return scalar ? `${column} IS NULL` : `(${column} IS NULL OR ${column} = '')`;
    case "in":
    case "not in":
      return `${expr} ${rule.op === "in" ? "IN" : "NOT IN"} (${rule.value.map(param).join(", ")})`;
    case "contains":
    case "not contains": {
      if (spec.type !== "tags") return `instr(${expr}, ${param(rule.value)}) ${rule.op === "contains" ? ">" : "="} 0`;
      const match = `EXISTS (SELECT 1 FROM json_each(${column}) WHERE lower(value) = lower(${bind(rule.value)}))`;
      return rule.op === "contains" ? match : `NOT ${match}`;
    }
    case "between":
      if (spec.type !== "date") return `${column} BETWEEN ${param(rule.value[0])} AND ${param(rule.value[1])}`;
      return `(${column} >= ${bind(day(rule.value[0], now).start)} AND ${column} < ${bind(day(rule.value[1], now).end)})`;
    default:
      if (spec.type === "date") return compileDateComparison(rule.op, rule.value, column, bind, now);
      return `${expr} ${SQL_OP[rule.op]} ${param(rule.value)}`;
  }
}

// Text compares case-insensitively; enums bind the stored spelling so an index on the bare column stays usable.
function operands(spec: AttributeSpec, column: string, bind: Bind): { expr: string; param: (value: Scalar) => string } {
  switch (spec.type) {
    case "country":
      // Ingestion stores ISO codes upper-case and the checker upper-cases values, so profiles_country_idx applies.
      return { expr: column, param: bind };
    case "string":
      return { expr: `lower(${column})`, param: (value) => `lower(${bind(value)})` };
    case "enum":
      return spec.stored === "upper"
        ? { expr: column, param: (value) => bind(String(value).toUpperCase()) }
        : { expr: `lower(${column})`, param: (value) => bind(String(value).toLowerCase()) };
    default:
      return { expr: column, param: bind };
  }
}

const day = (value: Scalar, now: number) => resolveDay(String(value), now);

// Dates name whole UTC days: `> D` starts when day D ends, `<= D` includes all of day D.
function compileDateComparison(op: CompareOp, value: Scalar, column: string, bind: Bind, now: number): string {
  const { start, end } = day(value, now);
  switch (op) {
    case ">=":
      return `${column} >= ${bind(start)}`;
    case ">":
      return `${column} >= ${bind(end)}`;
    case "<":
      return `${column} < ${bind(start)}`;
    case "<=":
      return `${column} < ${bind(end)}`;
    case "=":
      return `(${column} >= ${bind(start)} AND ${column} < ${bind(end)})`;
    case "!=":
      return `(${column} < ${bind(start)} OR ${column} >= ${bind(end)})`;
  }
}
