import { sql, type SQL } from "drizzle-orm";

const MAX_JSON_CHARS = 800_000;

/** `json_extract(j.value, '$.<path>')` over the rows of `json_each(?) j`. */
export function field(path: string): SQL {
  return sql.raw(`json_extract(j.value, '$.${path}')`);
}

/**
 * Splits rows into JSON arrays of at most ~800 KB: each becomes the single bound parameter of a set-based
 * statement (`json_each(?)`), which sidesteps D1's 100-parameter limit and stays under its 2 MB value limit.
 */
export function jsonChunks(rows: readonly unknown[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const row of rows) {
    const text = JSON.stringify(row);
    if (current.length > 0 && size + text.length + 1 > MAX_JSON_CHARS) {
      chunks.push(`[${current.join(",")}]`);
      current = [];
      size = 2;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length > 0) chunks.push(`[${current.join(",")}]`);
  return chunks;
}
