import { appFetch } from "./harness.ts";

/** Calls the public API (`/v1…`) as an API client does: with a key in the bearer header (or none), JSON in and out. */
export function apiFetch(key: string | null, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers = new Headers(key === null ? {} : { Authorization: `Bearer ${key}` });
  if (init.body !== undefined) headers.set("Content-Type", "application/json");
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return appFetch(`/v1${path}`, { method: init.method ?? "GET", headers, body });
}

/** A public API GET, answered as its status and JSON body. */
export async function apiGet<T = unknown>(key: string | null, path: string): Promise<{ status: number; body: T }> {
  const res = await apiFetch(key, path);
  return { status: res.status, body: (await res.json()) as T };
}
