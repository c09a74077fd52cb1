import { ok, type Result } from "../lib/result.ts";
import type { AdminClient, AdminGraphqlError } from "./admin-graphql.ts";

// Shopify's rough price of one mutation field; reserving it per alias keeps the shared bucket honest.
const MUTATION_COST = 10;

export type BatchedMutation = {
  /** Operation name, e.g. `SegmentTagsAdd`. */
  operation: string;
  /** The mutation field, e.g. `tagsAdd`. */
  field: string;
  /** Argument name → GraphQL type, e.g. `{ id: "ID!", tags: "[String!]!" }`. */
  args: Record<string, string>;
  selection: string;
};

/**
 * Runs one mutation for many inputs in a single document, aliased `m0`, `m1`, …: one round trip and one
 * throttle reservation per batch. Answers each call's payload in input order.
 */
export async function runBatchedMutation<T>(
  admin: AdminClient,
  mutation: BatchedMutation,
  calls: readonly Record<string, unknown>[],
): Promise<Result<T[], AdminGraphqlError>> {
  if (calls.length === 0) return ok([]);
  const names = Object.keys(mutation.args);
  const definitions = calls.flatMap((_, i) => names.map((name) => `$m${i}_${name}: ${mutation.args[name]}`));
  const fields = calls.map((_, i) => `m${i}: ${mutation.field}(${names.map((name) => `${name}: $m${i}_${name}`).join(", ")}) { ${mutation.selection} }`);
  const query = `mutation ${mutation.operation}(${definitions.join(", ")}) {\n  ${fields.join("\n  ")}\n}`;
  const variables = Object.fromEntries(calls.flatMap((call, i) => names.map((name) => [`m${i}_${name}`, call[name]])));
  const result = await admin.request<Record<string, T>>(query, variables, { cost: MUTATION_COST * calls.length });
  if (!result.ok) return result;
  return ok(calls.map((_, i) => result.value[`m${i}`] as T));
}
