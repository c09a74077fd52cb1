/** Shopify's search syntax, the part the app uses: `updated_at:>='2026-01-01T00:00:00Z' AND tag:vip -status:draft`. */
export interface SearchTerm {
  field: string | null;
  op: "=" | ">" | ">=" | "<" | "<=";
  value: string;
  negate: boolean;
}

const TOKEN = /(-?)(?:([a-z_]+):)?(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|(\S+))/gi;

export function parseSearch(query: string | null | undefined): SearchTerm[] {
  if (!query) return [];
  const terms: SearchTerm[] = [];
  let negateNext = false;
  for (const match of query.matchAll(TOKEN)) {
    const [, minus, field, op, single, double, bare] = match;
    const value = single ?? double ?? bare ?? "";
    if (!field && (value === "AND" || value === "OR")) continue;
    if (!field && value === "NOT") {
      negateNext = true;
      continue;
    }
    terms.push({ field: field?.toLowerCase() ?? null, op: (op as SearchTerm["op"]) ?? "=", value, negate: Boolean(minus) || negateNext });
    negateNext = false;
  }
  return terms;
}

export type FieldMatcher<T> = (record: T, term: SearchTerm) => boolean;

export function compareValues(actual: number | string, term: SearchTerm, expected: number | string): boolean {
  switch (term.op) {
    case ">": return actual > expected;
    case ">=": return actual >= expected;
    case "<": return actual < expected;
    case "<=": return actual <= expected;
    default: return typeof actual === "string" && typeof expected === "string" ? actual.toLowerCase() === expected.toLowerCase() : actual === expected;
  }
}

export function dateMatcher<T>(get: (record: T) => number | null): FieldMatcher<T> {
  return (record, term) => {
    const actual = get(record);
    const expected = Date.parse(term.value);
    if (actual === null || Number.isNaN(expected)) return false;
    return compareValues(actual, term, expected);
  };
}

export function numberMatcher<T>(get: (record: T) => number): FieldMatcher<T> {
  return (record, term) => compareValues(get(record), term, Number(term.value));
}

export function textMatcher<T>(get: (record: T) => string | null): FieldMatcher<T> {
  return (record, term) => {
    const actual = get(record);
    if (actual === null) return false;
    if (term.value.endsWith("*")) return actual.toLowerCase().startsWith(term.value.slice(0, -1).toLowerCase());
    return compareValues(actual, term, term.value);
  };
}

export function listMatcher<T>(get: (record: T) => readonly string[]): FieldMatcher<T> {
  return (record, term) => get(record).some((item) => item.toLowerCase() === term.value.toLowerCase());
}

/** Filters by the known fields; unknown fields are ignored and reported the way Shopify's extensions.search does. */
export function applySearch<T>(
  records: T[],
  terms: SearchTerm[],
  fields: Record<string, FieldMatcher<T>>,
  freeText: FieldMatcher<T>,
): { records: T[]; warnings: { field: string; message: string }[] } {
  const warnings: { field: string; message: string }[] = [];
  const active = terms.filter((term) => {
    if (term.field === null || fields[term.field]) return true;
    warnings.push({ field: term.field, message: "Invalid search field for this query." });
    return false;
  });
  if (active.length === 0) return { records, warnings };
  const filtered = records.filter((record) =>
    active.every((term) => {
      const matcher = term.field === null ? freeText : fields[term.field]!;
      return matcher(record, term) !== term.negate;
    }),
  );
  return { records: filtered, warnings };
}
