import type { DiscountRuleConfig, FunctionConfiguration, RuleTarget } from "./configuration.ts";

const TARGETS: readonly RuleTarget[] = ["order", "products", "collections", "variants"];
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;
const NUMERIC_ID = /^\d{1,20}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const isPositiveDecimal = (value: unknown): value is string => typeof value === "string" && DECIMAL.test(value) && Number(value) > 0;

function readRule(value: unknown): DiscountRuleConfig | null {
  if (!isRecord(value)) return null;
  const { id, tags, message, p, a, on, ids, min } = value;
  if (typeof id !== "string" || !isStringList(tags) || tags.length === 0 || typeof message !== "string") return null;
  if (!TARGETS.includes(on as RuleTarget)) return null;
  const targetIds = ids ?? [];
  if (!isStringList(targetIds) || !targetIds.every((item) => NUMERIC_ID.test(item))) return null;
  if (on !== "order" && targetIds.length === 0) return null;
  // Exactly one of a percentage (at most 100) and a fixed amount.
  const percentage = p === undefined ? null : isPositiveDecimal(p) && Number(p) <= 100 ? p : false;
  const amount = a === undefined ? null : isPositiveDecimal(a) ? a : false;
  if (percentage === false || amount === false || (percentage === null) === (amount === null)) return null;
  if (min !== undefined && !(typeof min === "string" && DECIMAL.test(min))) return null;
  return {
    id,
    tags,
    message,
    ...(percentage === null ? {} : { p: percentage }),
    ...(amount === null ? {} : { a: amount }),
    on: on as RuleTarget,
    ids: targetIds,
    ...(min === undefined ? {} : { min }),
  };
}

/**
 * The configuration as the Function can trust it, or null when it is not one. A rule that does not read is
 * left out rather than failing the others: a discount the merchant saved keeps working for every rule it can.
 */
export function readConfiguration(value: unknown): FunctionConfiguration | null {
  if (!isRecord(value) || !Array.isArray(value.rules)) return null;
  const rules = value.rules.map(readRule).filter((rule): rule is DiscountRuleConfig => rule !== null);
  const tags = isStringList(value.tags) ? value.tags : [];
  const collectionIds = isStringList(value.collectionIds) ? value.collectionIds : [];
  return { tags, collectionIds, rules };
}
