import type { Context } from "hono";

/** OAuth endpoints take JSON or form bodies; both come back as a flat string map. */
export async function readParams(c: Context): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/json")) {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
  }
  const form = await c.req.parseBody().catch(() => ({}));
  return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, String(value)]));
}

export async function readJson<T = Record<string, unknown>>(c: Context): Promise<T> {
  const text = await c.req.text();
  if (!text) return {} as T;
  return JSON.parse(text) as T;
}
