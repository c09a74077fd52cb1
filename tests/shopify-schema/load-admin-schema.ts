import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { SHARED_FIXTURES_DIR } from "../setup/load-shared-fixtures.ts";

export const ADMIN_SCHEMA_FILE = join(SHARED_FIXTURES_DIR, "schemas/admin_2026-07.json.gz");

let loaded: { schema: GraphQLSchema; ms: number } | null | undefined;

/**
 * Shopify's Admin API 2026-07 schema, built once per process (about half a second), or null when ../shared is
 * absent (a fresh clone): the callers skip and say so. graphql-js 17 rejects some of Shopify's deprecation
 * combinations, so the schema itself is not validated; documents are validated against it.
 */
export function loadAdminSchema(): { schema: GraphQLSchema; ms: number } | null {
  if (loaded !== undefined) return loaded;
  if (!existsSync(SHARED_FIXTURES_DIR)) {
    console.warn(`SKIPPED: ${SHARED_FIXTURES_DIR} is absent, so documents are not checked against Shopify's Admin 2026-07 schema.`);
    loaded = null;
    return loaded;
  }
  const started = performance.now();
  const introspection = JSON.parse(gunzipSync(readFileSync(ADMIN_SCHEMA_FILE)).toString("utf8")) as { data: IntrospectionQuery };
  const schema = buildClientSchema(introspection.data, { assumeValid: true });
  loaded = { schema, ms: Math.round(performance.now() - started) };
  return loaded;
}
