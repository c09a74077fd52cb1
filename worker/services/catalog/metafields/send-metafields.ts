import { sql, type SQL } from "drizzle-orm";
import { productsTable } from "../../../db/schema/index.ts";
import type { AdminContext } from "../../../context/admin-context.ts";
import type { TenantContext } from "../../../context/deps.ts";
import { jsonChunks } from "../../../db/sql-json.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import type { AdminGraphqlError } from "../../../shopify/admin-graphql.ts";
import { runBatchedMutation, type BatchedMutation } from "../../../shopify/run-batched-mutation.ts";
import { METAFIELD_NAMESPACE } from "../../install/steps/define-metafields.ts";
import type { MetafieldDigests, MetafieldValue } from "./metafield-values.ts";

/** Shopify takes at most 25 metafields in one `metafieldsSet` (§6.2), atomically. */
export const METAFIELDS_PER_SET = 25;
// Ten `metafieldsSet` fields per document: 250 metafields for 100 points, a second of the standard restore rate.
export const SETS_PER_CALL = 10;

export const METAFIELDS_SET: BatchedMutation = {
  operation: "SegOpsMetafieldsSet",
  field: "metafieldsSet",
  args: { metafields: "[MetafieldsSetInput!]!" },
  selection: "userErrors { code elementIndex field message }",
};

type SetPayload = { userErrors: { code: string | null; elementIndex: number | null; field: string[] | null; message: string }[] } | null;

/** One metafield to write, with what to record once Shopify has it. */
export type PendingMetafield = { productId: string; shopifyProductId: string; value: MetafieldValue; digest: string; retried: boolean };

export type SendOutcome = {
  /** Per product, the digests of the metafields Shopify confirmed in this call. */
  confirmed: Map<string, MetafieldDigests>;
  failed: { pending: PendingMetafield; message: string }[];
  /** Inputs Shopify did not write because another input of the same atomic set failed: worth one more try. */
  again: PendingMetafield[];
  sets: number;
};

/** One document of up to SETS_PER_CALL aliased `metafieldsSet` fields of 25 metafields each. */
export async function sendMetafields(args: { ctx: AdminContext; input: { batch: readonly PendingMetafield[] } }): Promise<Result<SendOutcome, AdminGraphqlError>> {
  const { ctx, input: { batch } } = args;
  const sets: PendingMetafield[][] = [];
  for (let i = 0; i < batch.length; i += METAFIELDS_PER_SET) sets.push(batch.slice(i, i + METAFIELDS_PER_SET));
  const calls = sets.map((set) => ({
    metafields: set.map((p) => ({ ownerId: `gid://shopify/Product/${p.shopifyProductId}`, namespace: METAFIELD_NAMESPACE, key: p.value.key, type: p.value.type, value: p.value.value })),
  }));
  const answer = await runBatchedMutation<SetPayload>(ctx.admin, METAFIELDS_SET, calls);
  if (!answer.ok) return err(answer.error);
  const outcome: SendOutcome = { confirmed: new Map(), failed: [], again: [], sets: sets.length };
  answer.value.forEach((payload, s) => {
    const set = sets[s]!;
    const errors = payload === null ? [{ elementIndex: null, message: "no answer", code: null, field: null }] : payload.userErrors;
    if (errors.length === 0) {
      for (const pending of set) {
        outcome.confirmed.set(pending.productId, { ...outcome.confirmed.get(pending.productId), [pending.value.key]: pending.digest });
      }
      return;
    }
    const blamed = new Set(errors.map((e) => e.elementIndex).filter((index): index is number => index !== null));
    set.forEach((pending, i) => {
      const own = errors.find((e) => e.elementIndex === i) ?? (blamed.size === 0 ? errors[0] : undefined);
      if (own) outcome.failed.push({ pending, message: `${own.code ?? "error"}: ${own.message}` });
      else if (pending.retried) outcome.failed.push({ pending, message: "not written: another metafield of its call was refused twice" });
      else outcome.again.push({ ...pending, retried: true });
    });
  });
  return ok(outcome);
}

/**
 * Records what Shopify confirmed, so the next push sends only what changed after it. The rows are looked up by id:
 * `+` keeps SQLite off the tenant index, which would read every product of the tenant for each row.
 */
export function pushedDigestsUpdates(args: { ctx: TenantContext; input: { rows: readonly { id: string; digests: MetafieldDigests }[]; now: number } }): SQL[] {
  const { ctx, input: { rows, now } } = args;
  return jsonChunks(rows).map(
    (json) => sql`
      update ${productsTable} set ${sql.identifier(productsTable.metafieldsDigest.name)} = json_extract(j.value, '$.digests'),
        ${sql.identifier(productsTable.metafieldsPushedAt.name)} = ${now}
      from json_each(${json}) j
      where +${productsTable.tenantId} = ${ctx.tenantId} and ${productsTable.id} = json_extract(j.value, '$.id')`,
  );
}
