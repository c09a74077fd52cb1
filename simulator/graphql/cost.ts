import {
  getNamedType,
  isLeafType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

const MUTATION_COST = 10;

interface CostWalk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** When given, a connection costs what it returned instead of what it asked for. */
  returned?: Map<unknown, number>;
}

function pageSize(walk: CostWalk, args: readonly { name: { value: string }; value: import("graphql").ValueNode }[]): number {
  for (const arg of args) {
    if (arg.name.value === "first" || arg.name.value === "last") {
      const value = valueFromASTUntyped(arg.value, walk.variables);
      if (typeof value === "number") return value;
    }
  }
  return 1;
}

function fieldsOf(type: GraphQLCompositeType) {
  return "getFields" in type ? type.getFields() : {};
}

/** Per §6.8: scalar 0, object 1, connection 2 + page size with children multiplied by it. */
function selectionCost(walk: CostWalk, type: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined, inConnection: boolean): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      const condition = fragment?.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
      if (fragment && condition && !isLeafType(condition)) total += selectionCost(walk, condition as GraphQLCompositeType, fragment.selectionSet, inConnection);
      continue;
    }
    const field = fieldsOf(type)[selection.name.value];
    if (!field) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) continue;
    const child = named as GraphQLCompositeType;
    if (inConnection && selection.name.value === "pageInfo") continue;
    if (named.name.endsWith("Connection")) {
      const asked = pageSize(walk, selection.arguments ?? []);
      const size = walk.returned ? Math.min(asked, walk.returned.get(selection) ?? 0) : asked;
      total += 2 + size * Math.max(1, selectionCost(walk, child, selection.selectionSet, true));
    } else if (inConnection && (selection.name.value === "edges" || selection.name.value === "nodes" || selection.name.value === "node")) {
      total += selectionCost(walk, child, selection.selectionSet, selection.name.value === "edges");
    } else {
      total += 1 + selectionCost(walk, child, selection.selectionSet, false);
    }
  }
  return total;
}

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  returned?: Map<unknown, number>,
): number {
  const walk: CostWalk = { schema, fragments, variables, ...(returned ? { returned } : {}) };
  if (operation.operation === "mutation") {
    return operation.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD && selection.name.value !== "__typename").length * MUTATION_COST;
  }
  return Math.max(1, selectionCost(walk, schema.getQueryType()!, operation.selectionSet, false));
}
