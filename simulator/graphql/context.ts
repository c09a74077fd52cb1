import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { hasScope } from "../store/scopes.ts";
import type { ShopState, SimContext } from "../types.ts";

export interface GqlContext {
  sim: SimContext;
  schema: GraphQLSchema;
  shop: ShopState;
  scopes: readonly string[];
  /** Store time at the start of the request. */
  now: number;
  /** Bulk runs ignore page sizes; the root connection is walked in slices. */
  bulk: { offset: number; limit: number } | null;
  /** Items each connection field returned, for the actual-cost refund. */
  returned: Map<unknown, number>;
  searchWarnings: { path: string[]; query: string; warnings: { field: string; message: string }[] }[];
  origin: string;
}

export type Resolver = (source: unknown, args: Record<string, unknown>, gql: GqlContext, info: GraphQLResolveInfo) => unknown;

export function accessDenied(field: string, scope: string): GraphQLError {
  const requiredAccess = `\`${scope}\` access scope.`;
  return new GraphQLError(`Access denied for ${field} field. Required access: ${requiredAccess}`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess },
  });
}

export function requireScopes(gql: GqlContext, field: string, scopes: readonly string[]): void {
  for (const scope of scopes) if (!hasScope(gql.scopes, scope)) throw accessDenied(field, scope);
}

export function userError(field: string[] | null, message: string, code?: string) {
  return code === undefined ? { field, message } : { field, message, code };
}
