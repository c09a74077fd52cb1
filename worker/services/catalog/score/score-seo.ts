import type { Criterion, Shortfall } from "./score-types.ts";

const POINTS = { title: 5, description: 5 };
const TITLE = { min: 10, max: 70 };
const DESCRIPTION = { min: 50, max: 320 };

const chars = (text: string) => [...text].length;

function seoTitle(set: string | null, title: string): Shortfall | null {
  if (set === null) {
    if (title === "") {
      return {
        code: "seo_title_missing",
        points: POINTS.title,
        message: "Set an SEO title of 10–70 characters.",
        alsoFixedBy: { codes: ["title_missing"], note: "Without an SEO title, search listings show the product title, so one of 70 characters or fewer fills that too." },
      };
    }
    const length = chars(title);
    if (length <= TITLE.max) return null;
    return { code: "seo_title_too_long", points: POINTS.title, message: `Set an SEO title of 70 characters or fewer: without one, listings show the ${length}-character product title cut off.` };
  }
  const length = chars(set);
  if (length < TITLE.min) return { code: "seo_title_too_short", points: POINTS.title, message: `The SEO title has ${length} characters: use 10–70 that name the product.` };
  if (length > TITLE.max) return { code: "seo_title_too_long", points: POINTS.title, message: `The SEO title has ${length} characters: keep it to 70 or fewer so listings do not cut it.` };
  return null;
}

function seoDescription(set: string | null, descriptionText: string): Shortfall | null {
  if (set === null) {
    if (chars(descriptionText) >= DESCRIPTION.min) return null;
    return {
      code: "seo_description_missing",
      points: POINTS.description,
      message: "Write a meta description of 50–320 characters that summarizes the product.",
      alsoFixedBy: {
        codes: ["description_missing", "description_thin"],
        note: "Without a meta description, search listings show the description's first words, so this fills them too.",
      },
    };
  }
  const length = chars(set);
  if (length < DESCRIPTION.min) return { code: "seo_description_too_short", points: POINTS.description, message: `The meta description has ${length} characters: use 50–320 that summarize the product.` };
  if (length > DESCRIPTION.max) return { code: "seo_description_too_long", points: POINTS.description, message: `The meta description has ${length} characters: keep it to 320 or fewer so listings do not cut it.` };
  return null;
}

/**
 * SEO (10): SEO title 5 (10–70 characters), meta description 5 (50–320). Where none is set, Shopify shows the product
 * title and the description's text instead, so those are judged: a title that fits in 70, a description of 50+ characters.
 */
export const scoreSeo: Criterion = {
  name: "seo",
  weight: 10,
  check: ({ seo, title, description }) =>
    [seoTitle(seo.title, title), seoDescription(seo.description, description.text)].filter((miss): miss is Shortfall => miss !== null),
};
