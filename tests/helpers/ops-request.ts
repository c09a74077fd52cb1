import { env, exports } from "cloudflare:workers";
import { deriveOpsToken } from "../../worker/services/operations/ops-token.ts";

/** An operator request to `/ops<path>`, with the ops token unless `token` is given; answers the status and the JSON body. */
export async function opsRequest<T = unknown>(method: string, path: string, token?: string): Promise<{ status: number; body: T }> {
  const res = await exports.default.fetch(`https://segops.test/ops${path}`, { method, headers: { Authorization: `Bearer ${token ?? (await deriveOpsToken(env.TOKEN_ENCRYPTION_KEY))}` } });
  return { status: res.status, body: (await res.json()) as T };
}
