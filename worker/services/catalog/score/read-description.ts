import type { DescriptionShape } from "./score-types.ts";

const NAMED_ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const toText = (html: string): string =>
  decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();

/** A description as an assistant meets it: its text, word count, prose paragraphs (outside lists and headings), lists, headings. */
export function readDescription(html: string | null): DescriptionShape {
  const source = html ?? "";
  const text = toText(source);
  const words = text === "" ? 0 : text.split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const prose = source.replace(/<(ul|ol|h[1-6])\b[\s\S]*?<\/\1\s*>/gi, "<p>");
  const paragraphs = prose.split(/<\/?(?:p|div|br)\b[^>]*>|\n\s*\n/i).filter((block) => toText(block) !== "").length;
  return {
    text,
    words,
    paragraphs,
    hasList: /<(ul|ol)\b[^>]*>[\s\S]*?<li\b/i.test(source),
    hasHeadings: /<h[1-6]\b/i.test(source),
  };
}
