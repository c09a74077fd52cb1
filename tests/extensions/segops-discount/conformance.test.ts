import { readFileSync } from "node:fs";
import { execute, getVariableValues, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { discountFunctionSchema } from "../../../simulator/functions/function-input.ts";
import { schemaDeviations } from "../../shopify-schema/compare-schemas.ts";
import { documentErrors } from "../../shopify-schema/document-errors.ts";
import { loadDiscountFunctionSchema } from "../../shopify-schema/load-discount-function-schema.ts";
import { discountFixtures, INPUT_QUERY_FILE } from "./discount-fixtures.ts";

const schema = loadDiscountFunctionSchema();
const inputQuery = readFileSync(INPUT_QUERY_FILE, "utf8");
const fixtures = discountFixtures();
// The result type Shopify checks a cart.lines.discounts.generate.run output against, as the schema's mutation takes it.
const RESULT_DOCUMENT = parse("mutation ($result: CartLinesDiscountsGenerateRunResult!) { cartLinesDiscountsGenerateRun(result: $result) }");

describe.skipIf(!schema)("the discount Function against Shopify's Discount Function API 2026-07 schema", () => {
  it("has an input query that validates", () => {
    expect(documentErrors(schema!, inputQuery)).toEqual([]);
  });

  it("is answered at the simulated checkout from a faithful subset of that schema", () => {
    expect(schemaDeviations(discountFunctionSchema(), schema!)).toEqual([]);
    expect(documentErrors(discountFunctionSchema(), inputQuery)).toEqual([]);
  });

  it("takes its configuration's tags and collection ids as the query's variables", () => {
    const configuration = fixtures[0]!.input.discount.metafield!.jsonValue as Record<string, unknown>;
    expect(documentErrors(schema!, inputQuery, { variables: configuration })).toEqual([]);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture]))("%s: the input is what the query selects, and the output is a valid result", (_, fixture) => {
    // Executing the query over the fixture returns the fixture unchanged only if it has exactly the query's shape and types.
    const variables = (fixture.input.discount.metafield?.jsonValue ?? {}) as Record<string, unknown>;
    const selected = execute({ schema: schema!, document: parse(inputQuery), rootValue: fixture.input, variableValues: variables });
    expect(selected).toEqual({ data: fixture.input });

    const operation = RESULT_DOCUMENT.definitions[0] as OperationDefinitionNode;
    const coerced = getVariableValues(schema!, operation.variableDefinitions!, { result: fixture.output });
    expect(coerced.errors ?? []).toEqual([]);
  });
});
