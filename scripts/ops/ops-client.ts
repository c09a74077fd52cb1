import { existsSync, readFileSync } from "node:fs";
import { deriveOpsToken } from "../../worker/services/operations/ops-token.ts";

export type OpsClient = { url: string; call<T>(method: string, path: string): Promise<{ status: number; body: T }> };

function devVar(name: string, path = ".dev.vars"): string | undefined {
  if (!existsSync(path)) return undefined;
  const line = readFileSync(path, "utf8")
    .split("\n")
    .find((entry) => entry.trim().startsWith(`${name}=`) || entry.trim().startsWith(`${name} =`));
  return line?.slice(line.indexOf("=") + 1).trim().replace(/^"|"$/g, "");
}

/** SEGOPS_OPS_TOKEN, else derived from TOKEN_ENCRYPTION_KEY (environment, then .dev.vars as `npm start` wrote it). */
export async function resolveOpsToken(): Promise<string> {
  if (process.env.SEGOPS_OPS_TOKEN) return process.env.SEGOPS_OPS_TOKEN;
  const key = process.env.TOKEN_ENCRYPTION_KEY ?? devVar("TOKEN_ENCRYPTION_KEY");
  if (!key) throw new Error("Set SEGOPS_OPS_TOKEN, or TOKEN_ENCRYPTION_KEY, or run from the project root after `npm start` wrote .dev.vars.");
  return deriveOpsToken(key);
}

export async function createOpsClient(url: string): Promise<OpsClient> {
  const token = await resolveOpsToken();
  const base = url.replace(/\/$/, "");
  return {
    url: base,
    async call<T>(method: string, path: string) {
      const res = await fetch(`${base}/ops${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
      const body = (await res.json().catch(() => ({}))) as T;
      return { status: res.status, body };
    },
  };
}
