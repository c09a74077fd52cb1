import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { base64UrlToBytes, bytesToBase64Url, utf8 } from "../lib/encoding.ts";
import { err, ok, type Result } from "../lib/result.ts";

/** The position after the last row of a page ordered by (time, id); opaque to API clients. */
export type KeysetCursor = { at: number; id: string };

function encodeKeysetCursor(cursor: KeysetCursor): string {
  return bytesToBase64Url(utf8(JSON.stringify([cursor.at, cursor.id])));
}

function decodeKeysetCursor(text: string): KeysetCursor | null {
  try {
    const [at, id] = JSON.parse(new TextDecoder().decode(base64UrlToBytes(text) ?? new Uint8Array())) as unknown[];
    return typeof at === "number" && typeof id === "string" ? { at, id } : null;
  } catch {
    return null;
  }
}

/** How a list is paged: on (time, id), newest first or oldest first, so pages stay stable while rows arrive. */
export type KeysetOrder = { time: SQLiteColumn; id: SQLiteColumn; direction: "asc" | "desc" };

/** The cursor a client sent back: none on the first page, refused when it is not one this API handed out. */
export function readCursor(text: string | undefined): Result<KeysetCursor | undefined, { message: string }> {
  if (text === undefined) return ok(undefined);
  const cursor = decodeKeysetCursor(text);
  return cursor ? ok(cursor) : err({ message: "cursor is not one this API returned" });
}

/** The rows after the cursor in the list's order (none: the first page). */
export function afterCursor(order: KeysetOrder, cursor: KeysetCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const past = order.direction === "desc" ? lt : gt;
  const at = new Date(cursor.at);
  return or(past(order.time, at), and(eq(order.time, at), past(order.id, cursor.id)));
}

export function keysetOrderBy(order: KeysetOrder): SQL[] {
  const by = order.direction === "desc" ? desc : asc;
  return [by(order.time), by(order.id)];
}

/** Rows are read with `limit + 1`: the extra one only says that another page follows. */
export function keysetPage<Row>(rows: Row[], limit: number, position: (row: Row) => KeysetCursor): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeKeysetCursor(position(last)) : null };
}
