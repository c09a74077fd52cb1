import {
  execute,
  getNamedType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import type { GqlContext } from "../graphql/context.ts";
import { fieldsIn, isConnection, nodeSelection } from "./inspect-bulk-query.ts";

const SLICE = 500;

type Row = Record<string, unknown>;

export interface JsonlResult {
  chunks: string[];
  objectCount: number;
  rootObjectCount: number;
  fileSize: number;
  accessDenied: boolean;
}

/** Shopify's JSONL escapes slashes (`gid:\/\/shopify\/…`); `\/` is a legal JSON escape. */
function line(row: Row): string {
  return `${JSON.stringify(row).replace(/\//g, "\\/")}\n`;
}

interface Flattener {
  fragments: Map<string, FragmentDefinitionNode>;
  childrenFirst: boolean;
}

/** Moves nested connection nodes out of `row` into their own lines carrying `__parentId`. */
function flatten(f: Flattener, type: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined, row: Row, parentId: string | null): string[] {
  const children: string[] = [];
  for (const field of fieldsIn(selectionSet, f.fragments)) {
    const definition = "getFields" in type ? type.getFields()[field.name.value] : undefined;
    const named = definition ? (getNamedType(definition.type) as GraphQLCompositeType) : undefined;
    const key = field.alias?.value ?? field.name.value;
    if (!isConnection(named) || !(key in row)) continue;
    const value = row[key] as { edges?: { node: Row }[]; nodes?: Row[] } | null;
    delete row[key];
    const nodeType = getNamedType((named as GraphQLObjectType).getFields().nodes!.type) as GraphQLCompositeType;
    const items = value?.nodes ?? value?.edges?.map((edge) => edge.node) ?? [];
    for (const item of items) children.push(...flatten(f, nodeType, nodeSelection(field, f.fragments), item, typeof row.id === "string" ? row.id : parentId));
  }
  const own = line(parentId === null ? row : { ...row, __parentId: parentId });
  return f.childrenFirst ? [...children, own] : [own, ...children];
}

/** Walks the root connection in slices, yielding between them so a large export does not stall the server. */
export async function writeJsonl(schema: GraphQLSchema, document: DocumentNode, gql: GqlContext, childrenFirst: boolean): Promise<JsonlResult> {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = fieldsIn(operation.selectionSet, fragments).find((field) => field.name.value !== "__typename")!;
  const rootType = getNamedType(schema.getQueryType()!.getFields()[root.name.value]!.type) as GraphQLObjectType;
  const nodeType = getNamedType(rootType.getFields().nodes!.type) as GraphQLCompositeType;
  const f: Flattener = { fragments, childrenFirst };
  const result: JsonlResult = { chunks: [], objectCount: 0, rootObjectCount: 0, fileSize: 0, accessDenied: false };
  for (let offset = 0; ; offset += SLICE) {
    const context: GqlContext = { ...gql, bulk: { offset, limit: SLICE }, returned: new Map() };
    const response = execute({ schema, document, contextValue: context }) as { data?: Row | null; errors?: readonly { extensions?: Row }[] };
    if (response.errors?.some((error) => error.extensions?.code === "ACCESS_DENIED")) return { ...result, accessDenied: true };
    const connection = response.data?.[root.alias?.value ?? root.name.value] as { edges?: { node: Row }[]; nodes?: Row[] } | undefined;
    const items = connection?.nodes ?? connection?.edges?.map((edge) => edge.node) ?? [];
    const lines = items.flatMap((item) => flatten(f, nodeType, nodeSelection(root, fragments), item, null));
    if (lines.length > 0) {
      const chunk = lines.join("");
      result.chunks.push(chunk);
      result.fileSize += Buffer.byteLength(chunk);
      result.objectCount += lines.length;
      result.rootObjectCount += items.length;
    }
    if (items.length < SLICE) return result;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
