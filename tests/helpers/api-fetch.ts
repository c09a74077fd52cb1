import { appFetch } from "./harness.ts";

/** Calls the public API with a server key, JSON in and out. */
export function apiFetch(serverKey: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers = new Headers({ Authorization: `Bearer ${serverKey}` });
  if (init.body !== undefined) headers.set("Content-Type", "application/json");
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return appFetch(`/v1${path}`, { method: init.method ?? "GET", headers, body });
}
