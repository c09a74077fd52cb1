import {
  getNamedType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

const MAX_CONNECTIONS = 5;
const MAX_DEPTH = 2;

export type BulkQueryCheck = { ok: true; document: DocumentNode; operation: OperationDefinitionNode } | { ok: false; message: string };

/** Fields of a selection set, with fragments spread in place. */
export function fieldsIn(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    return fieldsIn(fragment?.selectionSet, fragments);
  });
}

/** The node selection of a connection field: `edges { node { … } }` or `nodes { … }`. */
export function nodeSelection(field: FieldNode, fragments: Map<string, FragmentDefinitionNode>): SelectionSetNode | undefined {
  for (const child of fieldsIn(field.selectionSet, fragments)) {
    if (child.name.value === "nodes") return child.selectionSet;
    if (child.name.value === "edges") return fieldsIn(child.selectionSet, fragments).find((f) => f.name.value === "node")?.selectionSet;
  }
  return undefined;
}

export function isConnection(type: GraphQLCompositeType | undefined): boolean {
  return Boolean(type?.name.endsWith("Connection"));
}

/** Shopify's bulk rules: at least one connection, at most 5, nested at most 2 deep, parents of nested ones select `id`. */
export function inspectBulkQuery(schema: GraphQLSchema, query: string): BulkQueryCheck {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { ok: false, message: `Invalid bulk query: ${(error as Error).message}` };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { ok: false, message: `Invalid bulk query: ${errors[0]!.message}` };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== "query") return { ok: false, message: "Bulk queries must contain exactly one query operation." };
  const operation = operations[0]!;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  let connections = 0;
  let problem: string | null = null;
  const walk = (type: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined, depth: number, parentHasId: boolean) => {
    for (const field of fieldsIn(selectionSet, fragments)) {
      const definition = "getFields" in type ? type.getFields()[field.name.value] : undefined;
      const named = definition ? (getNamedType(definition.type) as GraphQLCompositeType) : undefined;
      if (!isConnection(named)) {
        if (named && "getFields" in named) walk(named, field.selectionSet, depth, parentHasId);
        continue;
      }
      connections++;
      if (depth > MAX_DEPTH) problem ??= `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_DEPTH}.`;
      if (depth > 0 && !parentHasId) problem ??= `The parent 'node' field for a nested connection must select the 'id' field. Connection field: '${field.name.value}'.`;
      const nodeType = getNamedType((named as import("graphql").GraphQLObjectType).getFields().nodes!.type) as GraphQLCompositeType;
      const selection = nodeSelection(field, fragments);
      walk(nodeType, selection, depth + 1, fieldsIn(selection, fragments).some((f) => f.name.value === "id" && !f.alias));
    }
  };
  walk(schema.getQueryType()!, operation.selectionSet, 0, false);
  if (connections === 0) return { ok: false, message: "Bulk queries must contain at least one connection." };
  if (connections > MAX_CONNECTIONS) return { ok: false, message: `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.` };
  if (problem) return { ok: false, message: problem };
  return { ok: true, document, operation };
}
