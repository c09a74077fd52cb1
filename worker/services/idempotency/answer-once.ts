import { and, eq, gt, sql } from "drizzle-orm";
import { idempotencyKeysTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { excluded } from "../../db/sql-names.ts";
import { bytesToHex, utf8 } from "../../lib/encoding.ts";
import { err, ok, type Result } from "../../lib/result.ts";

/** How long an `Idempotency-Key` is remembered; the nightly retention deletes older ones. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export type Answer<T> = { status: 200 | 201 | 202; body: T };
export type KeyReused = { kind: "key_reused"; message: string };

/** SHA-256 of the validated input, so the same request written with other spacing or key order is the same body. */
export async function bodyDigest(input: unknown): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(JSON.stringify(input)))));
}

/**
 * Runs `run` once per (route, key): a retry with the same body gets the first answer again without running it; the
 * same key with another body is refused. Without a key it just runs. Refusals of `run` are not remembered, so a
 * client may fix the cause and retry with the same key.
 */
export async function answerOnce<T, E>(args: {
  ctx: TenantContext;
  input: { route: string; key: string | null; digest: string; now: number; run: () => Promise<Result<Answer<T>, E>> };
}): Promise<Result<Answer<T> & { replayed: boolean }, E | KeyReused>> {
  const { ctx, input } = args;
  if (input.key === null) {
    const answer = await input.run();
    return answer.ok ? ok({ ...answer.value, replayed: false }) : answer;
  }
  const key = input.key;
  const earlier = await findAnswer<T>(ctx, input.route, key, input.now);
  if (earlier) return replay(earlier, input.digest, key);
  const answer = await input.run();
  if (!answer.ok) return answer;
  const stored = await ctx.db
    .insert(idempotencyKeysTable)
    .values({ tenantId: ctx.tenantId, route: input.route, key, bodyDigest: input.digest, status: answer.value.status, response: answer.value.body, createdAt: new Date(input.now) })
    .onConflictDoUpdate({
      target: [idempotencyKeysTable.tenantId, idempotencyKeysTable.route, idempotencyKeysTable.key],
      set: Object.fromEntries((["bodyDigest", "status", "response", "createdAt"] as const).map((name) => [name, excluded(idempotencyKeysTable[name])])),
      setWhere: sql`${idempotencyKeysTable.createdAt} <= ${input.now - IDEMPOTENCY_KEY_TTL_MS}`,
    })
    .returning({ key: idempotencyKeysTable.key });
  if (stored.length > 0) return ok({ ...answer.value, replayed: false });
  // A concurrent request with the same key stored its answer first: answer as it did.
  const winner = await findAnswer<T>(ctx, input.route, key, input.now);
  return winner ? replay(winner, input.digest, key) : ok({ ...answer.value, replayed: false });
}

type Stored<T> = { bodyDigest: string; status: number; response: T };

async function findAnswer<T>(ctx: TenantContext, route: string, key: string, now: number): Promise<Stored<T> | undefined> {
  const t = idempotencyKeysTable;
  const row = await ctx.db
    .select({ bodyDigest: t.bodyDigest, status: t.status, response: t.response })
    .from(t)
    .where(and(eq(t.tenantId, ctx.tenantId), eq(t.route, route), eq(t.key, key), gt(t.createdAt, new Date(now - IDEMPOTENCY_KEY_TTL_MS))))
    .get();
  return row as Stored<T> | undefined;
}

function replay<T>(stored: Stored<T>, digest: string, key: string): Result<Answer<T> & { replayed: boolean }, KeyReused> {
  if (stored.bodyDigest !== digest) return err({ kind: "key_reused", message: `Idempotency-Key "${key}" was already used with a different body; use a new key for a new request.` });
  return ok({ status: stored.status as Answer<T>["status"], body: stored.response, replayed: true });
}
