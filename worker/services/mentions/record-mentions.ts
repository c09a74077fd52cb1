import { sql } from "drizzle-orm";
import type { z } from "zod";
import { mentionsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";
import { inJsonValues, jsonChunks, field } from "../../db/sql-json.ts";
import { col, columnsOf } from "../../db/sql-names.ts";
import { bytesToHex, utf8 } from "../../lib/encoding.ts";
import { newId } from "../../lib/ids.ts";
import { MentionInput, type RecordMentionsInput } from "./mention-input.ts";
import { refreshMentionCounts } from "./refresh-mention-counts.ts";
import { refKey, resolveProductRefs } from "./resolve-product-refs.ts";

// A source's clock may run a little ahead of ours; a mention further in the future is a mistake.
const FUTURE_SLACK_MS = 5 * 60 * 1000;

export type MentionError = { code: "invalid_mention" | "product_not_found"; message: string };
export type MentionResult =
  | { index: number; status: "stored" | "duplicate"; mentionId: string; productId: string }
  | { index: number; status: "failed"; error: MentionError };
export type RecordedMentions = { received: number; stored: number; duplicates: number; failed: number; results: MentionResult[] };

type Accepted = { index: number; productId: string; dedupKey: string; mention: MentionInput; occurredAt: number };

/** The natural key: the client's id, else a digest of what the mention says, so a re-sent batch stores nothing twice. */
async function dedupKeyOf(mention: MentionInput, productId: string, occurredAt: number): Promise<string> {
  if (mention.id !== undefined) return `id:${mention.id}`;
  const said = JSON.stringify([productId, mention.source, mention.query ?? null, mention.url ?? null, occurredAt]);
  return `sha:${bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(said))).subarray(0, 16))}`;
}

function check(raw: unknown, now: number): { mention: MentionInput; occurredAt: number; key: string } | MentionError {
  const parsed = MentionInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { code: "invalid_mention", message: `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}` };
  }
  const occurredAt = Date.parse(parsed.data.occurredAt);
  if (occurredAt > now + FUTURE_SLACK_MS) return { code: "invalid_mention", message: "occurredAt: is in the future" };
  const key = refKey(parsed.data.product);
  if (key === null) return { code: "product_not_found", message: "product: names no product (an id is prd_…, a Shopify id or GID; a URL's path has /products/<handle>)" };
  return { mention: parsed.data, occurredAt, key };
}

/**
 * `POST /v1/mentions`: stores each valid mention of a live product once (by its natural key), answers per item,
 * then recounts `mention_count_30d` for the products that gained one, so segments and the admin see it now.
 */
export async function recordMentions(args: { ctx: TenantContext; input: z.output<typeof RecordMentionsInput> & { now: number } }): Promise<RecordedMentions> {
  const { ctx, input } = args;
  const checked = input.mentions.map((raw) => check(raw, input.now));
  const products = await resolveProductRefs({ ctx, input: { keys: checked.flatMap((c) => ("key" in c ? [c.key] : [])) } });
  const results: (MentionResult | null)[] = [];
  const accepted: Accepted[] = [];
  for (const [index, c] of checked.entries()) {
    const productId = "key" in c ? products.get(c.key) : undefined;
    if (!("key" in c)) results.push({ index, status: "failed", error: c });
    else if (productId === undefined) results.push({ index, status: "failed", error: { code: "product_not_found", message: "product: no product of this workspace has this id, handle or URL" } });
    else {
      accepted.push({ index, productId, dedupKey: await dedupKeyOf(c.mention, productId, c.occurredAt), mention: c.mention, occurredAt: c.occurredAt });
      results.push(null);
    }
  }
  const inserted = await insertMentions(ctx, accepted, input.now);
  const stored = await idsByKey(ctx, accepted.map((a) => a.dedupKey));
  const claimed = new Set<string>();
  for (const a of accepted) {
    const fresh = inserted.has(a.dedupKey) && !claimed.has(a.dedupKey);
    claimed.add(a.dedupKey);
    results[a.index] = { index: a.index, status: fresh ? "stored" : "duplicate", mentionId: stored.get(a.dedupKey) ?? "", productId: a.productId };
  }
  const touched = [...new Set(accepted.filter((a) => inserted.has(a.dedupKey)).map((a) => a.productId))];
  if (touched.length > 0) await refreshMentionCounts({ ctx, input: { now: input.now, productIds: touched } });
  const final = results as MentionResult[];
  const count = (status: MentionResult["status"]) => final.filter((r) => r.status === status).length;
  return { received: final.length, stored: count("stored"), duplicates: count("duplicate"), failed: count("failed"), results: final };
}

async function insertMentions(ctx: TenantContext, accepted: readonly Accepted[], now: number): Promise<Set<string>> {
  const rows = accepted.map((a) => ({
    id: newId("mention", now), productId: a.productId, source: a.mention.source, query: a.mention.query ?? null, url: a.mention.url ?? null,
    dedupKey: a.dedupKey, occurredAt: a.occurredAt,
  }));
  const inserted = new Set<string>();
  for (const json of jsonChunks(rows)) {
    const returned = await ctx.db.all<{ dedup_key: string }>(sql`
      insert into ${mentionsTable} ${columnsOf(mentionsTable, "id", "tenantId", "productId", "source", "query", "url", "dedupKey", "occurredAt", "createdAt")}
      select ${field("id")}, ${ctx.tenantId}, ${field("productId")}, ${field("source")}, ${field("query")}, ${field("url")}, ${field("dedupKey")},
        ${field("occurredAt")}, ${now}
      from json_each(${json}) j where true
      on conflict ${columnsOf(mentionsTable, "tenantId", "dedupKey")} do nothing
      returning ${col(mentionsTable.dedupKey)}`);
    for (const row of returned) inserted.add(row.dedup_key);
  }
  return inserted;
}

async function idsByKey(ctx: TenantContext, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: mentionsTable.id, dedupKey: mentionsTable.dedupKey })
    .from(mentionsTable)
    .where(sql`${mentionsTable.tenantId} = ${ctx.tenantId} and ${inJsonValues(mentionsTable.dedupKey, keys)}`);
  return new Map(rows.map((row) => [row.dedupKey, row.id]));
}
