const ID_PREFIX = '{"id":"';
const PARENT_KEY = '"__parentId":"';

/** `gid:\/\/shopify\/Order\/1` as written in the file → the gid; null when the string holds any other escape. */
function unescapeId(raw: string): string | null {
  const id = raw.replaceAll("\\/", "/");
  return id.includes("\\") ? null : id;
}

/**
 * Shopify writes `id` first and `__parentId` last on a bulk line; for such lines both are read without parsing (the
 * write phase parses every line anyway). In valid JSON `"__parentId":"` cannot occur inside a string, where quotes
 * are escaped, so a line ending in that key carries it at the top level. Null for any other line: parse it.
 */
export function readIdsInPlace(text: string): { id: string; parentId: string | null } | null {
  const idEnd = text.startsWith(ID_PREFIX) ? text.indexOf('"', ID_PREFIX.length) : -1;
  const id = idEnd === -1 ? null : unescapeId(text.slice(ID_PREFIX.length, idEnd));
  if (id === null) return null;
  const key = text.lastIndexOf(PARENT_KEY);
  if (key === -1) return text.includes("__parentId") ? null : { id, parentId: null };
  const from = key + PARENT_KEY.length;
  const close = text.indexOf('"', from);
  if (close === -1 || text.slice(close + 1).trimEnd() !== "}") return null;
  const parentId = unescapeId(text.slice(from, close));
  return parentId === null ? null : { id, parentId };
}
