import { err, ok, type Result } from "../../../lib/result.ts";
import type { Scalar } from "./ast.ts";
import type { AttributeSpec } from "./attributes.ts";
import type { RawValue } from "./raw-node.ts";
import { checkDate } from "./resolve-date.ts";
import { segmentError, type SegmentError } from "./segment-error.ts";
import { didYouMean } from "./suggest-name.ts";

/** Customer tags SegOps pushes to Shopify: `segops:<slug>`. */
export const SEGOPS_TAG_PREFIX = "segops:";

// Beyond this, JS prints numbers in exponent form, which the text form cannot read back.
const MAX_MAGNITUDE = 1e15;

/** Checks one value against the attribute's type and returns it in canonical form (country upper, enums lower). */
export function checkValue(spec: AttributeSpec, raw: RawValue): Result<Scalar, SegmentError> {
  const fail = (message: string, hint: string) => err(segmentError(raw.at, message, hint));
  switch (spec.type) {
    case "number":
    case "integer": {
      const example = `${spec.name} >= ${spec.max ?? 2}`;
      if (raw.kind !== "number" || typeof raw.value !== "number") {
        return fail(`${spec.name} is a number`, `write a number, e.g. ${example}`);
      }
      const value = raw.value;
      if (!Number.isFinite(value) || Math.abs(value) >= MAX_MAGNITUDE) {
        return fail(`${value} is too large`, "numbers must stay below 10^15");
      }
      if (spec.type === "integer" && !Number.isInteger(value)) return fail(`${spec.name} is a whole number`, `e.g. ${example}`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return fail(`${spec.name} is between ${spec.min} and ${spec.max}`, `use a value from ${spec.min} to ${spec.max}`);
      }
      // JSON can carry -0, which prints as 0; normalising keeps the text round-trip exact.
      return ok(value === 0 ? 0 : value);
    }
    case "date": {
      if (raw.kind === "number" || typeof raw.value !== "string") return fail(`${spec.name} is a date`, "e.g. 2026-01-01, -90d or today");
      const date = checkDate(raw.value);
      return date.ok ? date : fail(date.error.message, date.error.hint);
    }
    default:
      return checkText(spec, raw, fail);
  }
}

function checkText(
  spec: AttributeSpec,
  raw: RawValue,
  fail: (message: string, hint: string) => Result<never, SegmentError>,
): Result<Scalar, SegmentError> {
  if (raw.kind !== "string" || typeof raw.value !== "string") {
    const what = spec.type === "tags" ? "a list of text tags" : "text";
    return fail(`${spec.name} is ${what}`, `quote the value: ${spec.name} ${example(spec)}`);
  }
  const value = raw.value;
  if (value === "") return fail("empty string", `to match a missing value write \`${spec.name} is not set\``);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to refuse control characters
  if (/[\u0000-\u001f]/.test(value)) return fail("strings cannot contain line breaks or control characters", "remove them");
  // Our own `segops:` tags would feed pushes back into memberships: a push must never change who is in a segment.
  if (spec.type === "tags" && spec.kind === "customer" && value.toLowerCase().startsWith(SEGOPS_TAG_PREFIX)) {
    return fail(`\`${SEGOPS_TAG_PREFIX}\` tags are written by SegOps itself`, "combine the other segment's rules instead of its tag");
  }
  if (spec.type === "country") {
    if (!/^[A-Za-z]{2}$/.test(value)) return fail("country is a two-letter ISO code", 'e.g. country in ("US", "CA")');
    return ok(value.toUpperCase());
  }
  if (spec.type === "enum") {
    const values = spec.values ?? [];
    const lower = value.toLowerCase();
    if (!values.includes(lower)) return fail(`unknown ${spec.name} \`${value}\``, didYouMean(lower, values, `${spec.name} is one of`));
    return ok(lower);
  }
  return ok(value);
}

const example = (spec: AttributeSpec) =>
  spec.type === "tags" ? 'contains "vip"' : spec.type === "enum" ? `= "${spec.values?.[0] ?? ""}"` : '= "text"';
