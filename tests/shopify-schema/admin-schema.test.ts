import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSimSchema } from "../../simulator/graphql/build-schema.ts";
import { schemaDeviations } from "./compare-schemas.ts";
import { documentErrors } from "./document-errors.ts";
import { findDocuments } from "./find-documents.ts";
import { loadAdminSchema } from "./load-admin-schema.ts";

type RuntimeDocuments = {
  runtimeDocuments(): Promise<{ name: string; query: string; variables?: Record<string, unknown>; kind?: "bulk" }[]>;
  BATCHED_MUTATIONS_BUILT: string[];
};

// Imported by path: the builders reach workerd's types, which the Node typecheck of this file cannot see.
const builders = join(import.meta.dirname, "../helpers/runtime-documents.ts");
const { runtimeDocuments, BATCHED_MUTATIONS_BUILT } = (await import(builders)) as RuntimeDocuments;

const admin = loadAdminSchema();
const found = findDocuments(join(import.meta.dirname, "../.."), ["worker", "queues", "durable-objects"]);
const built = await runtimeDocuments();

describe.skipIf(!admin)("the worker's GraphQL against Shopify's Admin 2026-07 schema (../shared/fixtures/shopify/schemas)", () => {
  // Read inside the tests: a skipped describe still runs its body.
  const schema = () => admin!.schema;

  it("finds the documents written in worker/, queues/ and durable-objects/", () => {
    expect(found.literals.length).toBeGreaterThan(0);
  });

  const operationName = (text: string) => /(?:query|mutation)\s+(\w+)/.exec(text)?.[1] ?? "anonymous operation";
  it.each(found.literals.map((document) => [`${operationName(document.text)} (${document.place})`, document.text]))("%s validates", (_, text) => {
    expect(documentErrors(schema(), text)).toEqual([]);
  });

  it.each(built.map((document) => [document.name, document]))("%s validates, with its variables", (_, { query, variables, kind }) => {
    expect(documentErrors(schema(), query, { kind, variables })).toEqual([]);
  });

  it("builds in tests/helpers/runtime-documents.ts every kind of document the worker builds at run time", () => {
    expect(found.templateHeads.filter(({ head }) => !built.some((document) => document.query.startsWith(head)))).toEqual([]);
    expect(found.batchedMutations.filter(({ mutation }) => !BATCHED_MUTATIONS_BUILT.includes(mutation))).toEqual([]);
  });

  it("serves from the simulator a faithful subset of Shopify's schema", () => {
    expect(schemaDeviations(buildSimSchema(), schema())).toEqual([]);
  });
});
