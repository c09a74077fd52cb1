import { getVariableValues, GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";

export type DocumentKind = "request" | "bulk";

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/**
 * Why Shopify would refuse `query`: graphql-js's standard rules (fields, arguments, variables' types in every
 * position, fragments, …) against `schema`. A bulk query must also be one query operation; a named request must
 * hold the operation it names; given variables must coerce to the operation's variable types.
 */
export function documentErrors(
  schema: GraphQLSchema,
  query: string,
  options: { kind?: DocumentKind; operationName?: string | null; variables?: Record<string, unknown> } = {},
): string[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return [error instanceof GraphQLError ? error.toString() : String(error)];
  }
  const errors = validate(schema, document).map((error) => error.toString());
  const operations = operationsOf(document);
  if (options.kind === "bulk" && (operations.length !== 1 || operations[0]!.operation !== "query")) {
    errors.push("a bulk query must be exactly one query operation");
  }
  if (options.operationName && !operations.some((op) => op.name?.value === options.operationName)) {
    errors.push(`the request names operation ${options.operationName}, which the document does not hold`);
  }
  if (options.variables && errors.length === 0) {
    const operation = operations.find((op) => !options.operationName || op.name?.value === options.operationName)!;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], options.variables);
    for (const error of coerced.errors ?? []) errors.push(`variables: ${error.message}`);
  }
  return errors;
}
