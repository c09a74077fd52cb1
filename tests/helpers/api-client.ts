import { exports } from "cloudflare:workers";

/** A public API call with a server key, as an API client makes it. */
export async function apiGet<T = unknown>(path: string, serverKey: string | null): Promise<{ status: number; body: T }> {
  const res = await exports.default.fetch(`https://segops.test${path}`, { headers: serverKey ? { Authorization: `Bearer ${serverKey}` } : {} });
  return { status: res.status, body: (await res.json()) as T };
}
