import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { SHARED_FIXTURES_DIR } from "../setup/load-shared-fixtures.ts";

export const DISCOUNT_FUNCTION_SCHEMA_FILE = join(SHARED_FIXTURES_DIR, "schemas/functions_discount_2026-07.json.gz");

let loaded: GraphQLSchema | null | undefined;

/**
 * Shopify's Discount Function API 2026-07 schema (the input a Function may query and the result it returns), or
 * null when ../shared is absent (a fresh clone): the callers skip and say so.
 */
export function loadDiscountFunctionSchema(): GraphQLSchema | null {
  if (loaded !== undefined) return loaded;
  if (!existsSync(DISCOUNT_FUNCTION_SCHEMA_FILE)) {
    console.warn(`SKIPPED: ${DISCOUNT_FUNCTION_SCHEMA_FILE} is absent, so the discount Function is not checked against Shopify's Function schema.`);
    loaded = null;
    return loaded;
  }
  const introspection = JSON.parse(gunzipSync(readFileSync(DISCOUNT_FUNCTION_SCHEMA_FILE)).toString("utf8")) as { data: IntrospectionQuery };
  loaded = buildClientSchema(introspection.data, { assumeValid: true });
  return loaded;
}
