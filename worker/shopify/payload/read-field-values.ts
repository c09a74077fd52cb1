import type { z } from "zod";
import { ok, type Result } from "../../lib/result.ts";
import { idFromGid } from "../gid.ts";
import { readWith, type Unmappable } from "./read-result.ts";

/**
 * The zod field schemas of read-fields.ts as plain readers for hot paths: workerd gives zod no JIT (~2–3 µs a line
 * item). A reader never accepts what its schema refuses; on anything unusual it throws UNREADABLE and the caller
 * falls back to the schema, whose error names the offending path for the quarantine row.
 */
export const UNREADABLE: unique symbol = Symbol("unreadable");

function refuse(): never {
  throw UNREADABLE;
}

/** `fast(value)`, or the schema's verdict when `fast` refuses. */
export function readFast<S extends z.ZodType>(schema: S, fast: (value: unknown) => z.output<S>, value: unknown, what: string): Result<z.output<S>, Unmappable> {
  try {
    return ok(fast(value));
  } catch (error) {
    if (error !== UNREADABLE) throw error;
    return readWith(schema, value, what);
  }
}

/** A JSON object (not null, not an array), as `z.object` wants. */
export function objectValue(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) refuse();
  return value as Record<string, unknown>;
}

/** `z.object(…).nullish()`: null and undefined pass as they are. */
export function nullishObjectValue(value: unknown): Record<string, unknown> | null | undefined {
  return value === null || value === undefined ? value : objectValue(value);
}

const isId = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

export function idValue(value: unknown): string {
  if (typeof value === "string" && value.length > 0) return idFromGid(value);
  if (isId(value)) return idFromGid(String(value));
  return refuse();
}

export function optionalIdValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return idValue(value);
}

function amount(raw: unknown): number | null {
  if (raw === null || raw === undefined || raw === "") return null;
  const parsed = Number(raw);
  return Number.isFinite(parsed) ? parsed : null;
}

const isText = (value: unknown): value is string | number => typeof value === "string" || (typeof value === "number" && Number.isFinite(value));

export function moneyValue(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (isText(value)) return amount(value);
  const raw = objectValue(value).amount;
  if (raw !== null && raw !== undefined && !isText(raw)) refuse();
  return amount(raw);
}

export function timestampValue(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") refuse();
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function textValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!isText(value)) refuse();
  const trimmed = String(value).trim();
  return trimmed === "" ? null : trimmed;
}

export function quantityValue(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (!isText(value)) refuse();
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

export function tagListValue(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  let parts: string[];
  if (typeof value === "string") parts = value.split(",");
  else if (Array.isArray(value) && value.every((tag) => typeof tag === "string")) parts = value as string[];
  else return refuse();
  return parts.map((tag) => tag.trim()).filter((tag) => tag !== "");
}
