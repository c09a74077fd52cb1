import type { SimClient } from "../../tests/helpers/simulator-client.ts";

export type AdminAnswer<T> = { status: number; body: T };

/** The admin API as the embedded admin calls it: each request with a fresh session token for `shop`. */
export function adminSession(appUrl: string, shop: string, sim: SimClient) {
  async function call<T>(method: "GET" | "POST", path: string): Promise<AdminAnswer<T>> {
    const res = await fetch(`${appUrl}/admin/api${path}`, { method, headers: { Authorization: `Bearer ${await sim.sessionToken(shop)}` } });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
  return {
    call,
    async json<T>(method: "GET" | "POST", path: string): Promise<T> {
      const answer = await call<T & { error?: { message: string; requestId: string } }>(method, path);
      if (answer.status >= 300) {
        const error = answer.body?.error;
        throw new Error(`${method} /admin/api${path} answered ${answer.status}: ${error ? `${error.message} (request ${error.requestId})` : "no body"}`);
      }
      return answer.body;
    },
  };
}

export type AdminSession = ReturnType<typeof adminSession>;
