import { ApiError } from "./api-error.ts";

export type AdminMethod = "GET" | "POST" | "PUT";

/** One JSON call to /admin/api with a fresh App Bridge session token; failures are thrown as ApiError. */
export async function adminRequest<T>(method: AdminMethod, path: string, body?: unknown, retried = false): Promise<T> {
  let res: Response;
  try {
    const headers: Record<string, string> = { Authorization: `Bearer ${await shopify.idToken()}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    res = await fetch(`/admin/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw ApiError.network(error);
  }
  // Shopify's contract: this header means "fetch a fresh session token and try once more".
  if (res.status === 401 && res.headers.has("X-Shopify-Retry-Invalid-Session-Request") && !retried) return adminRequest(method, path, body, true);
  if (!res.ok) throw await ApiError.from(res);
  return (await res.json()) as T;
}
