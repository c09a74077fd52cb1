import type { Criterion, Shortfall } from "./score-types.ts";

const DEPTH = { full: 15, short: 6, thin: 12 };
const WORDS = { full: 150, thin: 50 };
const STRUCTURE = { paragraphs: 4, list: 3, headings: 3 };

/**
 * Description (25): depth 15 by word count (150+ words full, 50–149 loses 6, 1–49 loses 12) and structure 10
 * (two or more prose paragraphs 4, a list 3, headings 3). A missing description is one recommendation of 25.
 */
export const scoreDescription: Criterion = {
  name: "description",
  weight: 25,
  check: ({ description }) => {
    const { words } = description;
    if (words === 0) {
      return [
        {
          code: "description_missing",
          points: DEPTH.full + STRUCTURE.paragraphs + STRUCTURE.list + STRUCTURE.headings,
          message: "Write a description of at least 150 words, in paragraphs with a feature list and headings: it is what an assistant reads to answer questions about the product.",
        },
      ];
    }
    const misses: Shortfall[] = [];
    if (words < WORDS.thin) {
      misses.push({ code: "description_thin", points: DEPTH.thin, message: `The description has ${words} words: write at least 150 on materials, dimensions, use and care.` });
    } else if (words < WORDS.full) {
      misses.push({ code: "description_short", points: DEPTH.short, message: `The description has ${words} words: at least 150 let an assistant answer more questions (materials, dimensions, use, care).` });
    }
    if (description.paragraphs < 2) {
      misses.push({ code: "description_paragraphs", points: STRUCTURE.paragraphs, message: "Split the description into paragraphs, one topic each." });
    }
    if (!description.hasList) {
      misses.push({ code: "description_list", points: STRUCTURE.list, message: "Add a bulleted list of key features or specifications." });
    }
    if (!description.hasHeadings) {
      misses.push({ code: "description_headings", points: STRUCTURE.headings, message: "Add headings (e.g. Materials, Sizing, Care) so each part can be found." });
    }
    return misses;
  },
};
