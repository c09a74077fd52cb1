import {
  execute,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { Context, Hono } from "hono";
import { checkAccessToken } from "../auth/tokens.ts";
import { storeNow } from "../store/create-shop.ts";
import type { ShopState, SimContext } from "../types.ts";
import { giveBack, refill, tryTake, type ThrottleStatus } from "./bucket.ts";
import type { GqlContext } from "./context.ts";
import { queryCost } from "./cost.ts";

const MAX_QUERY_COST = 1000;
const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";

interface GraphqlBody {
  query?: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

function costExtension(requested: number, actual: number | null, status: ThrottleStatus) {
  return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: status } };
}

function pickOperation(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? operations.find((op) => op.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
}

function countRootFields(shop: ShopState, operation: OperationDefinitionNode): void {
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value === "__typename") continue;
    shop.graphqlCalls[selection.name.value] = (shop.graphqlCalls[selection.name.value] ?? 0) + 1;
  }
}

async function handle(c: Context, ctx: SimContext, schema: GraphQLSchema) {
  const shop = ctx.shops.get(c.req.param("shop") ?? "");
  if (!shop) return c.json({ errors: "Not Found" }, 404);
  const access = checkAccessToken(shop, c.req.header("X-Shopify-Access-Token"));
  if (!access.ok) return c.json({ errors: INVALID_TOKEN }, 401);
  if (shop.settings.stallGraphql.remaining > 0) {
    shop.settings.stallGraphql.remaining--;
    // A client that gives up closes the connection; the call is then handled anyway, as Shopify may have run it.
    const signal = c.req.raw.signal;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, shop.settings.stallGraphql.ms);
      const giveUp = () => {
        clearTimeout(timer);
        resolve();
      };
      signal.addEventListener("abort", giveUp, { once: true });
    });
  }
  if (shop.settings.failGraphql.remaining > 0) {
    shop.settings.failGraphql.remaining--;
    const status = shop.settings.failGraphql.status as 500 | 502 | 503 | 504;
    return c.json({ errors: [{ message: "Internal error. Looks like something went wrong on our end.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }, status);
  }
  const body = (await c.req.json().catch(() => ({}))) as GraphqlBody;
  const variables = body.variables ?? {};
  if (typeof body.query === "string") ctx.recordDocument({ kind: "request", operationName: body.operationName ?? null, query: body.query });
  let document: DocumentNode;
  try {
    document = parse(body.query ?? "");
  } catch (error) {
    return c.json({ errors: [{ message: (error as Error).message }], extensions: costExtension(0, 0, refill(shop)) });
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return c.json({ errors: invalid.map((e) => e.toJSON()), extensions: costExtension(0, 0, refill(shop)) });
  const operation = pickOperation(document, body.operationName);
  if (!operation) return c.json({ errors: [{ message: "An operation name is required" }], extensions: costExtension(0, 0, refill(shop)) });
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const requested = queryCost(schema, operation, fragments, variables);
  if (requested > MAX_QUERY_COST) {
    const message = `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`;
    return c.json({ errors: [{ message, extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST } }], extensions: costExtension(requested, null, refill(shop)) });
  }
  const storm = shop.settings.throttleGraphql.remaining > 0;
  if (storm) shop.settings.throttleGraphql.remaining--;
  if (storm || !tryTake(shop, requested)) {
    shop.throttledCalls++;
    const documentation = "https://shopify.dev/api/usage/rate-limits";
    return c.json({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation } }], extensions: costExtension(requested, null, refill(shop)) });
  }
  countRootFields(shop, operation);
  const gql: GqlContext = {
    sim: ctx,
    schema,
    shop,
    scopes: access.scope,
    now: storeNow(shop),
    bulk: null,
    returned: new Map(),
    searchWarnings: [],
    origin: ctx.options.publicUrl ?? new URL(c.req.url).origin,
  };
  const result = (await execute({ schema, document, variableValues: variables, operationName: body.operationName ?? undefined, contextValue: gql })) as ExecutionResult;
  const actual = operation.operation === "mutation" ? requested : Math.min(requested, queryCost(schema, operation, fragments, variables, gql.returned));
  const status = giveBack(shop, requested - actual);
  const extensions: Record<string, unknown> = costExtension(requested, actual, status);
  if (gql.searchWarnings.length > 0) extensions.search = gql.searchWarnings;
  return c.json({ ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}), data: result.data ?? null, extensions });
}

export function registerGraphqlRoute(app: Hono, ctx: SimContext, schema: GraphQLSchema): void {
  app.post("/:shop/admin/api/:version/graphql.json", (c) => handle(c, ctx, schema));
}
