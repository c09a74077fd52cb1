import type { Criterion, Shortfall } from "./score-types.ts";

const TITLE_POINTS = { missing: 20, length: 8, allCaps: 6, stuffing: 6 };
const TITLE_LENGTH = { min: 10, max: 150 };

// Short function words repeat in honest titles ("Salt and Pepper and Herb Mill"); they are not keywords.
const FILLER = new Set(["and", "the", "for", "with"]);

function stuffing(title: string): string | null {
  const counts = new Map<string, number>();
  for (const word of title.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 3 && !FILLER.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const repeated = [...counts].find(([, count]) => count >= 3);
  if (repeated) return `it repeats "${repeated[0]}" ${repeated[1]} times`;
  const segments = title.split(/[,|;]/).filter((part) => part.trim() !== "").length;
  return segments >= 5 ? `it lists ${segments} keywords separated by commas or bars` : null;
}

/** Title (20): present, 10–150 characters, not in capitals only, no keyword stuffing. */
export const scoreTitle: Criterion = {
  name: "title",
  weight: 20,
  check: ({ title }) => {
    if (title === "") {
      return [{ code: "title_missing", points: TITLE_POINTS.missing, message: "Give the product a title that names what it is: assistants identify and match products by their title." }];
    }
    const misses: Shortfall[] = [];
    const length = [...title].length;
    if (length < TITLE_LENGTH.min) {
      misses.push({ code: "title_too_short", points: TITLE_POINTS.length, message: `The title has ${length} characters: use 10–150 that name the product and its key attribute (e.g. "Merino wool crew socks").` });
    } else if (length > TITLE_LENGTH.max) {
      misses.push({ code: "title_too_long", points: TITLE_POINTS.length, message: `The title has ${length} characters: keep it to 150 or fewer, product first; assistants cut long titles.` });
    }
    if (!/\p{Ll}/u.test(title) && (title.match(/\p{Lu}/gu)?.length ?? 0) >= 4) {
      misses.push({ code: "title_all_caps", points: TITLE_POINTS.allCaps, message: "Write the title in sentence or title case: all capitals read as shouting and are harder to match." });
    }
    const stuffed = stuffing(title);
    if (stuffed) {
      misses.push({ code: "title_keyword_stuffing", points: TITLE_POINTS.stuffing, message: `Name the product once in the title (${stuffed}); put extra keywords in tags.` });
    }
    return misses;
  },
};
