import type { Criterion, Shortfall } from "./score-types.ts";

const POINTS = { missing: 15, unnamed: 5, values: 5 };

// Shopify's names for "no real option": the default `Title` / `Default Title`, and numbered placeholders.
const PLACEHOLDER_NAME = /^(title|option\s*\d*)$/i;
const PLACEHOLDER_VALUE = /^(default title|option\s*\d+)$/i;

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(", ");

/** Attributes and options (15): at least one named option 5, every option named 5, every named option with real values 5. */
export const scoreOptions: Criterion = {
  name: "options",
  weight: 15,
  check: ({ options }) => {
    const named = options.filter((option) => option.name !== "" && !PLACEHOLDER_NAME.test(option.name));
    if (named.length === 0) {
      return [
        {
          code: "options_missing",
          points: POINTS.missing,
          message: "Describe the product's attributes (size, color, material…) as named options with their values: assistants filter and compare products by them.",
        },
      ];
    }
    const misses: Shortfall[] = [];
    const unnamed = options.length - named.length;
    if (unnamed > 0) {
      misses.push({ code: "options_unnamed", points: POINTS.unnamed, message: `Name ${unnamed === 1 ? "the option" : `the ${unnamed} options`} left blank or called "Option" or "Title" after the attribute it stands for (e.g. Size or Color).` });
    }
    const empty = named.filter((option) => option.values.filter((value) => !PLACEHOLDER_VALUE.test(value)).length === 0).map((option) => option.name);
    if (empty.length > 0) {
      misses.push({ code: "option_values_missing", points: POINTS.values, message: `Give ${quoted(empty)} real values instead of none or placeholders.` });
    }
    return misses;
  },
};
